"use server";

import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { setAutoSend } from "@/server/push/auto-send";

/** "Auto-send new rides": switching on applies to workouts that start from now on. */
export async function setAutoSendAction(enabled: boolean): Promise<ActionResult<{ enabled: boolean; since: string | null }>> {
  return runUserAction("trainingpeaks.autosend", z.object({ enabled: z.boolean() }), { enabled }, ({ userId, input }) => setAutoSend(userId, input.enabled));
}
