import "server-only";
import { getDb } from "@/server/db/client";
import { fetchActivities } from "@/server/providers/trainingpeaks/records";
import type { LinkedActivityList } from "@/lib/domain/trainingpeaks";

/** The athlete's activities in a range, linked to the workouts we sent, and how many TrainingPeaks items were unreadable. */
export async function listTrainingPeaksActivities(userId: string, start: string, end: string): Promise<LinkedActivityList> {
  const { activities, unreadable } = await fetchActivities(userId, start, end);
  const db = await getDb();
  const uploads = activities.length
    ? await db.trainingPeaksUpload.findMany({
        where: { userId, state: "done", tpWorkoutId: { in: activities.map((a) => a.id) } },
        select: { tpWorkoutId: true, workoutId: true },
      })
    : [];
  const byTpId = new Map(uploads.map((u) => [u.tpWorkoutId, u.workoutId]));
  return { activities: activities.map((a) => ({ ...a, autocoachWorkoutId: byTpId.get(a.id) ?? null })), unreadable };
}
