import "server-only";
import { getDb, type Db } from "@/server/db/client";
import { isActive, type SyncProgress } from "@/lib/domain/sync";

/** The latest sync job's progress and whether the user has any synced history yet. */
export async function getSyncOverview(userId: string): Promise<{ progress: SyncProgress | null; hasHistory: boolean }> {
  const db = await getDb();
  const [progress, count] = await Promise.all([computeProgress(db, userId), db.workout.count({ where: { userId, syncState: "complete" } })]);
  return { progress, hasHistory: count > 0 };
}

export async function getLatestJob(db: Db, userId: string) {
  return db.syncJob.findFirst({ where: { userId }, orderBy: { startedAt: "desc" } });
}

export async function computeProgress(db: Db, userId: string, jobId?: string): Promise<SyncProgress | null> {
  const job = jobId ? await db.syncJob.findFirst({ where: { id: jobId, userId } }) : await getLatestJob(db, userId);
  if (!job) return null;
  const grouped = await db.workout.groupBy({ by: ["syncState"], where: { userId }, _count: { _all: true } });
  const count = (state: string) => grouped.find((g) => g.syncState === state)?._count._all ?? 0;
  const done = count("complete");
  const failed = count("failed");
  const total = done + failed + count("pending");
  const elapsedMin = ((job.finishedAt ?? new Date()).getTime() - job.startedAt.getTime()) / 60_000;
  const rate = job.detailsDone > 0 && elapsedMin > 0 ? job.detailsDone / elapsedMin : null;
  const remaining = Math.max(0, (job.remoteTotal ?? total) - done - failed);
  return {
    jobId: job.id,
    kind: job.kind,
    phase: job.phase,
    total,
    done,
    failed,
    remoteTotal: job.remoteTotal,
    listComplete: job.listComplete,
    ratePerMinute: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: rate && isActive(job.phase) ? Math.round((remaining / rate) * 60) : null,
    lastError: job.lastError,
    pauseReason: job.pauseReason,
    resumeAfter: job.resumeAfter?.toISOString() ?? null,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    requests: job.requests,
    steps: job.steps,
  };
}
