import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { log } from "@/server/log";
import { localDay } from "@/lib/time/time-zone";
import { scoreInputsKey } from "@/lib/metrics/thresholds-at";
import { readScoringContext, type ScoringContext } from "@/server/queries/analytics-settings";
import { readAnalysisIndex } from "@/server/queries/workout-analysis-input";
import { CURVE_VERSION } from "./compute";
import { analyzeWorkouts } from "./store";
import { recordProviderThresholds } from "./thresholds";

/**
 * The analytics job, one per user: backfills scores and curves for workouts that have none (existing rides after an
 * upgrade) and rescores the workouts whose thresholds changed. It runs in bounded steps under a lease, so two drivers
 * (after() of a settings change, the cron route, the sync hook) never work on one user at once, and a step that dies
 * leaves nothing half-written: each workout is written on its own and the job only counts what is done.
 *
 * A request while a pass is running marks the job pending again (requestedAt moves past startedAt); when the pass
 * ends, the next step starts a fresh pass, so the latest thresholds always win.
 */
const CHUNK = 25;
const LEASE_MARGIN_MS = 30_000;

export async function requestAnalytics(db: Db, userId: string, reason: string): Promise<void> {
  const now = new Date();
  await db.analyticsJob.upsert({
    where: { userId },
    create: { userId, state: "pending", reason, requestedAt: now },
    update: { reason, requestedAt: now, lastError: null, state: "pending" },
  });
}

/** The workouts whose stored analytics are missing or out of date, newest first. */
export async function staleWorkouts(db: Db, userId: string, ctx: ScoringContext): Promise<string[]> {
  const rows = await readAnalysisIndex(db, userId);
  return rows
    .filter((r) => {
      if (!r.stored || r.stored.curveVersion < CURVE_VERSION) return true;
      const day = localDay(r.startTime, ctx.settings.timeZone);
      return r.stored.day !== day || r.stored.inputsKey !== scoreInputsKey(r.discipline, ctx.resolver.on(day, r.pelotonFtp));
    })
    .map((r) => r.id);
}

async function takeLease(db: Db, userId: string, ttlMs: number): Promise<string | null> {
  const holder = randomUUID();
  const now = new Date();
  const claimed = await db.analyticsJob.updateMany({
    where: { userId, state: { in: ["pending", "running"] }, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    data: { leaseHolder: holder, leaseExpiresAt: new Date(now.getTime() + ttlMs) },
  });
  return claimed.count === 1 ? holder : null;
}

export interface AnalyticsStepResult {
  /** another step holds the lease */
  busy: boolean;
  /** the job needs more steps */
  more: boolean;
  processed: number;
}

/** One bounded step: starts a pass when the job is pending, then analyses stale workouts until the budget is spent. */
export async function runAnalyticsStep(db: Db, userId: string, opts: { budgetMs?: number } = {}): Promise<AnalyticsStepResult> {
  const budgetMs = opts.budgetMs ?? 5_000;
  const deadline = Date.now() + budgetMs;
  const holder = await takeLease(db, userId, budgetMs + LEASE_MARGIN_MS);
  if (!holder) {
    const job = await db.analyticsJob.findUnique({ where: { userId }, select: { state: true } });
    return { busy: job?.state === "pending" || job?.state === "running", more: false, processed: 0 };
  }
  const mine = { userId, leaseHolder: holder };
  let processed = 0;
  try {
    const job = await db.analyticsJob.findUniqueOrThrow({ where: { userId } });
    const fresh = job.state === "pending";
    if (fresh) {
      await recordProviderThresholds(db, userId);
      await db.analyticsJob.updateMany({ where: mine, data: { state: "running", startedAt: new Date(), done: 0, total: 0, finishedAt: null } });
    }
    const ctx = await readScoringContext(db, userId);
    let stale = await staleWorkouts(db, userId, ctx);
    const done = fresh ? 0 : job.done;
    await db.analyticsJob.updateMany({ where: mine, data: { total: done + stale.length } });
    while (stale.length && Date.now() < deadline) {
      const chunk = stale.slice(0, CHUNK);
      stale = stale.slice(CHUNK);
      processed += chunk.length;
      await analyzeWorkouts(db, userId, chunk, ctx);
      await db.analyticsJob.updateMany({ where: mine, data: { done: { increment: chunk.length } } });
    }
    if (stale.length) return { busy: false, more: true, processed };
    // A request that arrived during the pass (requestedAt after startedAt) starts another pass.
    const latest = await db.analyticsJob.findUniqueOrThrow({ where: { userId }, select: { requestedAt: true, startedAt: true } });
    const again = latest.startedAt !== null && latest.requestedAt > latest.startedAt;
    await db.analyticsJob.updateMany({ where: mine, data: again ? { state: "pending" } : { state: "idle", finishedAt: new Date(), reason: null } });
    return { busy: false, more: again, processed };
  } catch (error) {
    log.error("analytics.step.failed", { userId, error });
    const message = error instanceof Error ? error.message : String(error);
    await db.analyticsJob.updateMany({ where: mine, data: { state: "failed", lastError: message.slice(0, 500) } });
    return { busy: false, more: false, processed };
  } finally {
    await db.analyticsJob.updateMany({ where: mine, data: { leaseHolder: null, leaseExpiresAt: null } });
  }
}

/** Steps until the job is idle or `timeLimitMs` is spent (a server function's limit); another driver continues. */
export async function runAnalyticsUntilIdle(db: Db, userId: string, opts: { timeLimitMs?: number; stepBudgetMs?: number } = {}): Promise<number> {
  const stop = Date.now() + (opts.timeLimitMs ?? 50_000);
  const stepBudgetMs = opts.stepBudgetMs ?? 5_000;
  let processed = 0;
  while (Date.now() + stepBudgetMs <= stop) {
    const step = await runAnalyticsStep(db, userId, { budgetMs: stepBudgetMs });
    processed += step.processed;
    if (!step.more) break;
  }
  return processed;
}
