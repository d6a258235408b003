import "server-only";
import type { Db } from "@/server/db/client";
import type { ScoringContext } from "@/server/queries/analytics-settings";
import { readAnalysisInputs, type AnalysisInput } from "@/server/queries/workout-analysis-input";
import { analyticsColumns, computeAnalytics, type ComputedAnalytics } from "./compute";

/** One workout's analytics writes; the history's TSS sort key follows the score, so every workout sorts by it. */
function analyticsWrites(db: Db, userId: string, input: Pick<AnalysisInput, "id" | "startTime">, a: ComputedAnalytics) {
  const columns = analyticsColumns(a);
  const data = {
    ...columns,
    userId,
    startTime: input.startTime,
    day: new Date(`${a.day}T00:00:00Z`),
    powerCurve: columns.powerCurve ? Buffer.from(columns.powerCurve) : null,
    speedCurve: columns.speedCurve ? Buffer.from(columns.speedCurve) : null,
    computedAt: new Date(),
  };
  return [
    db.workoutAnalytics.upsert({ where: { workoutId: input.id }, create: { workoutId: input.id, ...data }, update: data }),
    db.workout.updateMany({ where: { id: input.id, userId }, data: { rankTss: a.score.tss } }),
  ];
}


/** Reads, computes and stores the analytics of some of the user's workouts; returns how many were written. */
export async function analyzeWorkouts(db: Db, userId: string, ids: readonly string[], ctx: ScoringContext): Promise<number> {
  const inputs = await readAnalysisInputs(db, userId, ids);
  if (!inputs.length) return 0;
  // One transaction for the whole chunk: a sync saves workouts by the chunk (server/sync/workout-batch.ts).
  await db.$transaction(inputs.flatMap((input) => analyticsWrites(db, userId, input, computeAnalytics(input, ctx))));
  return inputs.length;
}
