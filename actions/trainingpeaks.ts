"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/server/auth";
import { disconnectTrainingPeaks } from "@/server/accounts/trainingpeaks";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { log } from "@/server/log";
import { setAutoSend } from "@/server/push/auto-send";

/** Revoke TrainingPeaks access and delete every stored token; the user is signed out (TrainingPeaks is the sign-in). */
export async function disconnectTrainingPeaksAction(): Promise<void> {
  const session = await auth();
  if (!session?.user?.id) redirect("/signin?reason=session_expired");
  const result = await disconnectTrainingPeaks(session.user.id);
  log.info("trainingpeaks.disconnected", { userId: session.user.id, revokedAtTrainingPeaks: result.revokedAtTrainingPeaks });
  redirect("/signin?reason=disconnected");
}

/** "Auto-send new rides": switching on applies to workouts that start from now on. */
export async function setAutoSendAction(enabled: boolean): Promise<ActionResult<{ enabled: boolean; since: string | null }>> {
  return runUserAction("trainingpeaks.autosend", z.object({ enabled: z.boolean() }), { enabled }, ({ userId, input }) => setAutoSend(userId, input.enabled));
}
