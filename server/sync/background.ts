import "server-only";
import { after } from "next/server";
import { isRunning, type SyncProgress } from "@/lib/domain/sync";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { log } from "@/server/log";
import { syncStep } from "./service";

/**
 * Sync by itself: once a sync is started, the server runs its steps one after another with no page open. A request
 * that starts (or finds) a running job kicks a continuation that runs after the response (next/server `after()`);
 * every step goes through the one sync service, so the job lease guarantees a user's step never runs twice, whoever
 * else (another instance, the sweeper, the cron) is driving. See docs/architecture.md "A sync step".
 */

/** Kept on globalThis: instrumentation.ts and the route handlers may load this module as separate instances. */
const state = globalThis as unknown as { autocoachSyncDriving?: Set<string> };
const driving = (state.autocoachSyncDriving ??= new Set<string>());

/** On a serverless platform the continuation stops in time for the function's limit; the cron or sweeper takes over. */
const SERVERLESS_LIMIT_MS = 45_000;

export interface ContinueReport {
  steps: number;
  /** why the continuation stopped: the job is finished/paused, another driver holds it, or its time ran out */
  stopped: "idle" | "busy" | "time" | "error" | "already_driving";
}

/**
 * Run the user's steps back to back until the job has no more work, another driver holds its lease, or `timeLimitMs`
 * would be overrun. One continuation per user per process (a second kick while one runs is a no-op).
 */
export async function continueSync(userId: string, opts: { timeLimitMs?: number } = {}): Promise<ContinueReport> {
  if (driving.has(userId)) return { steps: 0, stopped: "already_driving" };
  driving.add(userId);
  const started = Date.now();
  const { sync } = getEnv();
  const limit = opts.timeLimitMs ?? (sync.serverless ? SERVERLESS_LIMIT_MS : Number.POSITIVE_INFINITY);
  let steps = 0;
  try {
    for (;;) {
      if (Date.now() - started + sync.stepBudgetMs > limit) return { steps, stopped: "time" };
      const r = await syncStep(userId);
      steps += 1;
      if (r.busy) return { steps, stopped: "busy" };
      if (!r.more) return { steps, stopped: "idle" };
    }
  } catch (error) {
    // The job and its cursor are in the database: the sweeper or the cron picks it up again.
    log.warn("sync.continue.failed", { userId, steps, error });
    return { steps, stopped: "error" };
  } finally {
    driving.delete(userId);
  }
}

/**
 * Continue the user's sync in the background: after the current response when called inside a request, otherwise
 * (a script) right away without waiting. Does nothing when background sync is off (SYNC_BACKGROUND, off in tests).
 */
export function kickSync(userId: string): void {
  if (!getEnv().sync.background) return;
  const run = () => continueSync(userId).then(() => undefined);
  try {
    after(run);
  } catch {
    void run();
  }
}

/**
 * A page polling a running job that nobody is driving (its continuation ran out of time, the process restarted) kicks
 * a new continuation; a job with a live lease is left to its driver.
 */
export async function kickIfIdle(userId: string, progress: SyncProgress | null): Promise<void> {
  if (!progress || !isRunning(progress.phase) || driving.has(userId)) return;
  const db = await getDb();
  const held = await db.syncJob.count({ where: { id: progress.jobId, leaseExpiresAt: { gt: new Date() } } });
  if (held === 0) kickSync(userId);
}
