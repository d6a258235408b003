import "server-only";
import { getDb } from "@/server/db/client";
import type { AnalyticsProgress } from "@/lib/domain/analytics";

/** The analytics job as the pages show it (reads only). */
export async function getAnalyticsProgress(userId: string): Promise<AnalyticsProgress> {
  const db = await getDb();
  const job = await db.analyticsJob.findUnique({ where: { userId } });
  if (!job) return { state: "idle", done: 0, total: 0, reason: null, error: null, updatedAt: null };
  return { state: job.state, done: job.done, total: job.total, reason: job.reason, error: job.lastError, updatedAt: job.updatedAt.toISOString() };
}
