import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { autoSendChunk, enqueueAutoSend } from "@/server/push/auto-send";
import { cancelSyncJob, resumeSyncJob, startSyncJob } from "./job";
import { computeProgress } from "@/server/queries/sync";
import type { SyncKind, SyncProgress } from "@/lib/domain/sync";
import { createPelotonSource, type PelotonSourceOptions } from "./peloton-source";
import { runSyncStep, type StepOptions, type StepResult } from "./step";

/**
 * The one sync service. Every driver (the browser's kick, the after() continuation, the instrumentation sweeper, the
 * schedule and the CLI) runs steps through `syncStep`: one lease rule, one auto-send path, one set of phase
 * transitions (docs/architecture.md "A sync step"). Everything is per user.
 */

export type SyncStepOptions = StepOptions & PelotonSourceOptions;

async function requireConnection(userId: string): Promise<void> {
  const db = await getDb();
  const connection = await db.pelotonConnection.findUnique({ where: { userId }, select: { status: true } });
  if (!connection) throw providerError("peloton", "disconnected", "Connect your Peloton account first.");
  if (connection.status !== "active") throw providerError("peloton", "disconnected", "Reconnect your Peloton account to sync.");
}

export async function startSync(userId: string, kind: SyncKind): Promise<SyncProgress> {
  await requireConnection(userId);
  const db = await getDb();
  const { jobId } = await startSyncJob(db, userId, kind);
  const progress = await computeProgress(db, userId, jobId);
  if (!progress) throw new Error("sync job vanished");
  return progress;
}

/** Connecting Peloton starts a sync at once: the whole history the first time, what is new after a reconnect. */
export async function startSyncAfterConnect(userId: string): Promise<SyncProgress> {
  const db = await getDb();
  const hasHistory = (await db.workout.count({ where: { userId } })) > 0;
  return startSync(userId, hasHistory ? "incremental" : "full");
}

/**
 * The lease a step takes: its budget plus the slowest request with all its retries, plus a margin. A step that
 * dies (a killed server, a frozen VM) holds the job for at most this long before another driver resumes it.
 */
export function stepLeaseMs(budgetMs: number, timeoutMs: number, retries: number): number {
  return budgetMs + (retries + 1) * timeoutMs + 10_000;
}

/** One bounded step of the user's sync job (settings from the environment unless a driver overrides them). */
export async function syncStep(userId: string, opts: SyncStepOptions = {}): Promise<StepResult> {
  const db = await getDb();
  const { sync } = getEnv();
  const budgetMs = opts.budgetMs ?? sync.stepBudgetMs;
  // A request may not outlive the step by much, and the lease must outlive the slowest request with its retries.
  const timeoutMs = opts.timeoutMs ?? Math.min(15_000, Math.max(2_000, budgetMs));
  const retries = opts.retries ?? 3;
  const leaseMs = opts.leaseMs ?? stepLeaseMs(budgetMs, timeoutMs, retries);
  const afterIncremental = opts.afterIncremental ?? {
    enqueue: (jobStartedAt: Date) => enqueueAutoSend(db, userId, jobStartedAt),
    chunk: (deadline: number) => autoSendChunk(db, userId, deadline),
  };
  // Every Peloton call of the step (slot waits, retries, the requests themselves) ends a moment before the budget,
  // which leaves time to save what was fetched and wrap up (docs/architecture.md "Deadlines and request slots").
  const deadline = opts.deadline ?? Date.now() + budgetMs - Math.min(1_000, Math.floor(budgetMs / 8));
  const source = createPelotonSource(userId, { everyN: sync.everyN, ...opts, timeoutMs, retries, deadline });
  return runSyncStep(db, userId, source, { concurrency: sync.concurrency, ...opts, budgetMs, leaseMs, afterIncremental });
}

export async function getSyncProgress(userId: string): Promise<SyncProgress | null> {
  return computeProgress(await getDb(), userId);
}

export async function cancelSync(userId: string): Promise<SyncProgress | null> {
  const db = await getDb();
  await cancelSyncJob(db, userId);
  return computeProgress(db, userId);
}

export async function resumeSync(userId: string): Promise<SyncProgress | null> {
  await requireConnection(userId);
  const db = await getDb();
  const jobId = await resumeSyncJob(db, userId);
  return computeProgress(db, userId, jobId ?? undefined);
}
