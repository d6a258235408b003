"use server";

import { redirect } from "next/navigation";
import { auth, signIn, signOut } from "@/server/auth";
import { signOutEverywhere } from "@/server/auth/sessions";
import { safeReturnTo } from "@/lib/domain/return-to";

/** Starts the TrainingPeaks OAuth flow (Auth.js sets the state cookie and redirects to the consent page). */
export async function signInWithTrainingPeaks(formData: FormData): Promise<void> {
  // Only same-site paths: never an open redirect.
  const redirectTo = safeReturnTo(formData.get("callbackUrl")) ?? "/dashboard";
  await signIn("trainingpeaks", { redirectTo });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?reason=signed_out" });
}

/** Ends every session of the user on every device (a lost phone, a shared computer), then this one's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const session = await auth();
  if (!session?.user?.id) redirect("/signin?reason=session_expired");
  await signOutEverywhere(session.user.id);
  await signOut({ redirectTo: "/signin?reason=signed_out_everywhere" });
}
