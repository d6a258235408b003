"use server";

import { redirect } from "next/navigation";
import { auth } from "@/server/auth";
import { disconnectTrainingPeaks } from "@/server/accounts/trainingpeaks";
import { log } from "@/server/log";

/** Revoke TrainingPeaks access and delete every stored token; the user is signed out (TrainingPeaks is the sign-in). */
export async function disconnectTrainingPeaksAction(): Promise<void> {
  const session = await auth();
  if (!session?.user?.id) redirect("/signin?reason=session_expired");
  const result = await disconnectTrainingPeaks(session.user.id);
  log.info("trainingpeaks.disconnected", { userId: session.user.id, revokedAtTrainingPeaks: result.revokedAtTrainingPeaks });
  redirect("/signin?reason=disconnected");
}
