import "server-only";
import { getDb } from "@/server/db/client";
import { fetchActivities } from "@/server/providers/trainingpeaks/api/client";
import type { TrainingPeaksActivity } from "@/server/providers/trainingpeaks/transform/workouts";

/** A TrainingPeaks activity, with the AutoCoach workout it came from when we sent (or linked) it. */
export interface LinkedActivity extends TrainingPeaksActivity {
  autocoachWorkoutId: string | null;
}

export async function listTrainingPeaksActivities(userId: string, start: string, end: string): Promise<LinkedActivity[]> {
  const activities = await fetchActivities(userId, start, end);
  const db = await getDb();
  const uploads = activities.length
    ? await db.trainingPeaksUpload.findMany({
        where: { userId, state: "done", tpWorkoutId: { in: activities.map((a) => a.id) } },
        select: { tpWorkoutId: true, workoutId: true },
      })
    : [];
  const byTpId = new Map(uploads.map((u) => [u.tpWorkoutId, u.workoutId]));
  return activities.map((a) => ({ ...a, autocoachWorkoutId: byTpId.get(a.id) ?? null }));
}
