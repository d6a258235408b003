import "server-only";
import { getDb } from "@/server/db/client";
import { fetchActivities } from "@/server/providers/trainingpeaks/records";
import type { LinkedActivity } from "@/lib/domain/trainingpeaks";

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
