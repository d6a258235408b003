import "server-only";
import { getDb } from "@/server/db/client";

/** A workout's class title for its browser tab (one indexed row, no series); null when it is not the user's. */
export async function getWorkoutTitle(userId: string, id: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.workout.findFirst({ where: { id, userId }, select: { title: true } });
  return row?.title ?? null;
}
