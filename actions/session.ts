"use server";

import { signIn, signOut } from "@/server/auth";

/** Starts the TrainingPeaks OAuth flow (Auth.js sets the state cookie and redirects to the consent page). */
export async function signInWithTrainingPeaks(formData: FormData): Promise<void> {
  const requested = formData.get("callbackUrl");
  // Only same-site paths: never an open redirect.
  const redirectTo = typeof requested === "string" && /^\/(?!\/)[\w\-/?=&%.]*$/.test(requested) ? requested : "/dashboard";
  await signIn("trainingpeaks", { redirectTo });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?reason=signed_out" });
}
