import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";

/** SyncJob lifecycle: one unfinished job per user, a lease per step, progress from the database. */

export type SyncKind = "full" | "incremental";
export type SyncPhase = "listing" | "details" | "finalizing" | "uploading" | "done" | "paused" | "cancelled" | "failed";
const ACTIVE: SyncPhase[] = ["listing", "details", "finalizing", "uploading", "paused"];
const RUNNING: SyncPhase[] = ["listing", "details", "finalizing", "uploading"];

export interface SyncProgress {
  jobId: string;
  kind: SyncKind;
  phase: SyncPhase;
  /** workouts known locally (stubs included) and how many are fully synced / failed */
  total: number;
  done: number;
  failed: number;
  /** Peloton's own count, once the first list page was read */
  remoteTotal: number | null;
  listComplete: boolean;
  /** workouts per minute over the job so far, and the estimated seconds left */
  ratePerMinute: number | null;
  etaSeconds: number | null;
  lastError: string | null;
  pauseReason: string | null;
  resumeAfter: string | null;
  startedAt: string;
  finishedAt: string | null;
  requests: number;
  steps: number;
}

export function isActive(phase: SyncPhase): boolean {
  return ACTIVE.includes(phase);
}

/** Start a sync, or return the user's unfinished one (a second "Sync now" resumes rather than duplicates). */
export async function startSyncJob(db: Db, userId: string, kind: SyncKind): Promise<{ jobId: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    // Serialise starts per user across instances (transaction-scoped advisory lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sync-start:${userId}`}))`;
    const existing = await tx.syncJob.findFirst({ where: { userId, phase: { in: ACTIVE } }, orderBy: { startedAt: "desc" } });
    if (existing) {
      if (existing.phase === "paused") {
        await tx.syncJob.update({
          where: { id: existing.id },
          data: { phase: existing.listComplete ? "details" : "listing", pauseReason: null, resumeAfter: null, lastError: null },
        });
      }
      return { jobId: existing.id, created: false };
    }
    // Retry last run's failures, and re-fetch workouts that were still in progress; every job gets fresh attempts.
    await tx.workout.updateMany({ where: { userId, OR: [{ syncState: "failed" }, { status: "IN_PROGRESS" }] }, data: { syncState: "pending" } });
    await tx.workout.updateMany({ where: { userId, syncState: "pending", syncAttempts: { gt: 0 } }, data: { syncAttempts: 0 } });
    const job = await tx.syncJob.create({ data: { userId, kind }, select: { id: true } });
    return { jobId: job.id, created: true };
  });
}

/** Take the step lease; null when another step for this job is running. */
export async function acquireLease(db: Db, jobId: string, ttlMs: number): Promise<string | null> {
  const holder = randomUUID();
  const now = new Date();
  const claimed = await db.syncJob.updateMany({
    // Only a job that can still run: a step that read the job before another finished or cancelled it must not revive it.
    where: { id: jobId, phase: { in: RUNNING }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { leaseHolder: holder, leaseExpiresAt: new Date(now.getTime() + ttlMs) },
  });
  return claimed.count === 1 ? holder : null;
}

export async function releaseLease(db: Db, jobId: string, holder: string): Promise<void> {
  await db.syncJob.updateMany({ where: { id: jobId, leaseHolder: holder }, data: { leaseHolder: null, leaseExpiresAt: null } });
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

export async function cancelSyncJob(db: Db, userId: string): Promise<boolean> {
  // Taking the lease away makes a step that is running right now stop at its next write instead of writing its
  // phase back over "cancelled" (its in-flight workouts still land: they are idempotent).
  const res = await db.syncJob.updateMany({
    where: { userId, phase: { in: ACTIVE } },
    data: { phase: "cancelled", finishedAt: new Date(), leaseHolder: null, leaseExpiresAt: null },
  });
  return res.count > 0;
}

/** Resume a paused or cancelled job (the "Resume" button). */
export async function resumeSyncJob(db: Db, userId: string): Promise<string | null> {
  const job = await db.syncJob.findFirst({ where: { userId, phase: { in: ["paused", "cancelled"] } }, orderBy: { startedAt: "desc" } });
  if (!job) return null;
  const phase: SyncPhase = job.listComplete ? "details" : "listing";
  await db.syncJob.update({ where: { id: job.id }, data: { phase, pauseReason: null, resumeAfter: null, finishedAt: null } });
  return job.id;
}
