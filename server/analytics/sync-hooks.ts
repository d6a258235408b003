import "server-only";
import type { Db } from "@/server/db/client";
import { log } from "@/server/log";
import { readScoringContext, type ScoringContext } from "@/server/queries/analytics-settings";
import { queueAnalytics } from "./drive";
import { analyzeWorkouts } from "./store";

/**
 * The sync's two calls into analytics (server/sync/store.ts and finalize.ts). Neither can fail a sync: a workout that
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

/** After a chunk of the user's workouts is saved (by id): their scores and mean-maximal curves, read in one go. */
export async function analyzeSyncedWorkouts(db: Db, userId: string, workoutIds: readonly string[]): Promise<void> {
  try {
    await analyzeWorkouts(db, userId, workoutIds, await scoringContext(db, userId));
  } catch (error) {
    log.warn("analytics.sync_hook.failed", { userId, workouts: workoutIds.length, error });
  }
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
