"use server";

import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { getEnv } from "@/server/env";
import { pushWorkout } from "@/server/push/push-workout";
import type { PushView } from "@/lib/domain/upload";

const input = z.object({ workoutId: z.string().regex(/^[a-z0-9]{10,40}$/i, "Unknown workout") });

/**
 * "Send to TrainingPeaks": uploads (once) and follows processing for up to one step budget; while TrainingPeaks is
 * still processing the page calls again, which only polls.
 */
export async function sendToTrainingPeaksAction(workoutId: string): Promise<ActionResult<PushView>> {
  return runUserAction("trainingpeaks.push", input, { workoutId }, ({ userId, input: { workoutId: id } }) =>
    pushWorkout(userId, id, { trigger: "manual", deadline: Date.now() + getEnv().sync.stepBudgetMs }),
  );
}
