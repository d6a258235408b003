import "server-only";
import type { Db } from "@/server/db/client";
import { log } from "@/server/log";
import { readScoringContext, type ScoringContext } from "@/server/queries/analytics-settings";
import type { AnalysisSubject } from "@/server/queries/workout-analysis-input";
import { computeAnalytics, type ComputedAnalytics } from "./compute";
import { queueAnalytics } from "./drive";

/**
 * The sync's two calls into analytics (server/sync/workout-batch.ts and finalize.ts). Neither can fail a sync: a workout that
 * could not be analysed here is simply stale, and the analytics job picks it up.
 */

// A full sync saves thousands of workouts in a few minutes: read the user's thresholds once every few seconds, not
// per workout. A threshold change meanwhile queues the job, which rescores anything scored with the old ones.
const CONTEXT_TTL_MS = 10_000;
const contexts = new Map<string, { at: number; ctx: Promise<ScoringContext> }>();

function scoringContext(db: Db, userId: string): Promise<ScoringContext> {
  const cached = contexts.get(userId);
  if (cached && Date.now() - cached.at < CONTEXT_TTL_MS) return cached.ctx;
  const ctx = readScoringContext(db, userId);
  contexts.set(userId, { at: Date.now(), ctx });
  ctx.catch(() => contexts.delete(userId));
  if (contexts.size > 500) contexts.delete(contexts.keys().next().value as string);
  return ctx;
}

/**
 * The analytics of the user's workouts the sync is about to save (scores and mean-maximal curves), computed from what
 * was fetched, so they are written with the workouts in one statement (server/sync/workout-batch.ts) instead of being
 * read back. Null for a workout that could not be analysed: it stays stale and the analytics job picks it up.
 */
export async function analyzeBeforeSave(db: Db, userId: string, subjects: readonly AnalysisSubject[]): Promise<(ComputedAnalytics | null)[]> {
  let ctx: ScoringContext;
  try {
    ctx = await scoringContext(db, userId);
  } catch (error) {
    log.warn("analytics.sync_hook.failed", { userId, workouts: subjects.length, error });
    return subjects.map(() => null);
  }
  return subjects.map((subject) => {
    try {
      return computeAnalytics(subject, ctx);
    } catch (error) {
      log.warn("analytics.sync_hook.failed", { userId, workouts: 1, error });
      return null;
    }
  });
}

/** When a sync is done: note the providers' thresholds (Peloton's FTP history) and catch up on anything stale. */
export async function analyzeAfterSync(db: Db, userId: string): Promise<void> {
  try {
    contexts.delete(userId);
    await queueAnalytics(userId, "sync", db);
  } catch (error) {
    log.warn("analytics.sync_done_hook.failed", { userId, error });
  }
}
