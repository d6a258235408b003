import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { getDb } from "@/server/db/client";
import { autoSendChunk, enqueueAutoSend } from "@/server/push/auto-send";
import { cancelSyncJob, resumeSyncJob, startSyncJob } from "./job";
import { computeProgress } from "@/server/queries/sync";
import type { SyncKind, SyncProgress } from "@/lib/domain/sync";
import { createPelotonSource, type PelotonSourceOptions } from "./peloton-source";
import { runSyncStep, type StepOptions, type StepResult } from "./step";

/** The sync as the app's drivers (browser, cron, CLI) use it: everything is per signed-in user. */

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

export async function syncStep(userId: string, opts: StepOptions & PelotonSourceOptions = {}): Promise<StepResult> {
  const db = await getDb();
  const budgetMs = opts.budgetMs ?? 8_000;
  // A request may not outlive the step by much, and the lease must outlive the slowest request with its retries.
  const timeoutMs = opts.timeoutMs ?? Math.min(15_000, Math.max(2_000, budgetMs));
  const retries = opts.retries ?? 3;
  const leaseMs = opts.leaseMs ?? budgetMs + (retries + 1) * timeoutMs + 10_000;
  const afterIncremental = opts.afterIncremental ?? {
    enqueue: (jobStartedAt: Date) => enqueueAutoSend(db, userId, jobStartedAt),
    chunk: (deadline: number) => autoSendChunk(db, userId, deadline),
  };
  // Every Peloton call of the step (slot waits, retries, the requests themselves) ends a moment before the budget,
  // which leaves time to save what was fetched and wrap up (docs/architecture.md "Deadlines and request slots").
  const deadline = opts.deadline ?? Date.now() + budgetMs - Math.min(1_000, Math.round(budgetMs / 8));
  return runSyncStep(db, userId, createPelotonSource(userId, { ...opts, timeoutMs, retries, deadline }), { ...opts, budgetMs, leaseMs, afterIncremental });
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
