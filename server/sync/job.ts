import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { ACTIVE_PHASES, RESUMABLE_PHASES, RUNNING_PHASES, resumePhase, type SyncKind } from "@/lib/domain/sync";

/** SyncJob lifecycle: one unfinished job per user, a lease per step, progress from the database. */

/** Start a sync, or return the user's unfinished one (a second "Sync now" resumes rather than duplicates). */
export async function startSyncJob(db: Db, userId: string, kind: SyncKind): Promise<{ jobId: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    // Serialise starts per user across instances (transaction-scoped advisory lock).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sync-start:${userId}`}))`;
    const existing = await tx.syncJob.findFirst({ where: { userId, phase: { in: [...ACTIVE_PHASES] } }, orderBy: { startedAt: "desc" } });
    if (existing) {
      if (existing.phase === "paused") {
        await tx.syncJob.update({
          where: { id: existing.id },
          data: { phase: resumePhase(existing.listComplete), pauseReason: null, resumeAfter: null, lastError: null },
        });
      }
      return { jobId: existing.id, created: false };
    }
    // Retry last run's failures, and re-fetch workouts that were still in progress; every job gets fresh attempts.
    // Workouts kept from another Peloton account (pelotonAccountId set) cannot be fetched with this one's sign-in.
    await tx.workout.updateMany({ where: { userId, pelotonAccountId: null, OR: [{ syncState: "failed" }, { status: "IN_PROGRESS" }] }, data: { syncState: "pending" } });
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
    where: { id: jobId, phase: { in: [...RUNNING_PHASES] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { leaseHolder: holder, leaseExpiresAt: new Date(now.getTime() + ttlMs) },
  });
  return claimed.count === 1 ? holder : null;
}

export async function releaseLease(db: Db, jobId: string, holder: string): Promise<void> {
  await db.syncJob.updateMany({ where: { id: jobId, leaseHolder: holder }, data: { leaseHolder: null, leaseExpiresAt: null } });
}

export async function cancelSyncJob(db: Pick<Db, "syncJob">, userId: string): Promise<boolean> {
  // Taking the lease away makes a step that is running right now stop at its next write instead of writing its
  // phase back over "cancelled" (its in-flight workouts still land: they are idempotent).
  const res = await db.syncJob.updateMany({
    where: { userId, phase: { in: [...ACTIVE_PHASES] } },
    data: { phase: "cancelled", finishedAt: new Date(), leaseHolder: null, leaseExpiresAt: null },
  });
  return res.count > 0;
}

/** Resume a paused or cancelled job (the "Resume" button). */
export async function resumeSyncJob(db: Db, userId: string): Promise<string | null> {
  const job = await db.syncJob.findFirst({ where: { userId, phase: { in: [...RESUMABLE_PHASES] } }, orderBy: { startedAt: "desc" } });
  if (!job) return null;
  const phase = resumePhase(job.listComplete);
  await db.syncJob.update({ where: { id: job.id }, data: { phase, pauseReason: null, resumeAfter: null, finishedAt: null } });
  return job.id;
}
