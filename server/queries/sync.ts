import "server-only";
import { getDb } from "@/server/db/client";
import { computeProgress, type SyncProgress } from "@/server/sync/job";

/** The latest sync job's progress and whether the user has any synced history yet. */
export async function getSyncOverview(userId: string): Promise<{ progress: SyncProgress | null; hasHistory: boolean }> {
  const db = await getDb();
  const [progress, count] = await Promise.all([computeProgress(db, userId), db.workout.count({ where: { userId, syncState: "complete" } })]);
  return { progress, hasHistory: count > 0 };
}
