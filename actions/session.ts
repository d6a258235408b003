"use server";

import { signIn, signOut } from "@/server/auth";
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
