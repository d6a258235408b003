import "server-only";
import { after } from "next/server";
import { getDb, type Db } from "@/server/db/client";
import { log } from "@/server/log";
import { requestAnalytics, runAnalyticsStep, runAnalyticsUntilIdle } from "./job";

/**
 * Who runs the analytics job. Nothing waits for a browser: a request that changes thresholds (or a sync that ends)
 * queues the job and hands it to `after()`, which keeps running on the server once the response is sent; the cron
 * route advances whatever is left (a function that hit its time limit, a queue made outside a request). Outside a
 * request (CLI, tests) the job simply stays queued for the cron.
 */
const AFTER_TIME_LIMIT_MS = 50_000;

function runAfterResponse(userId: string): boolean {
  try {
    after(async () => {
      try {
        await runAnalyticsUntilIdle(await getDb(), userId, { timeLimitMs: AFTER_TIME_LIMIT_MS });
      } catch (error) {
        log.error("analytics.after.failed", { userId, error });
      }
    });
    return true;
  } catch (error) {
    // after() outside a request scope throws; the cron route picks the job up instead.
    log.info("analytics.queued_for_cron", { userId, reason: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** Queue a pass for the user and start it after the response. */
export async function queueAnalytics(userId: string, reason: string, db?: Db): Promise<void> {
  await requestAnalytics(db ?? (await getDb()), userId, reason);
  runAfterResponse(userId);
}

export interface AnalyticsCronReport {
  users: number;
  steps: number;
  workouts: number;
}

/** The cron's share: a step for each user with a queued or unfinished job, round-robin, within the time limit. */
export async function runAnalyticsCron(opts: { timeLimitMs: number; stepBudgetMs: number }): Promise<AnalyticsCronReport> {
  const started = Date.now();
  const db = await getDb();
  const jobs = await db.analyticsJob.findMany({ where: { state: { in: ["pending", "running"] } }, orderBy: { updatedAt: "asc" }, take: 200, select: { userId: true } });
  const queue = jobs.map((j) => j.userId);
  const report: AnalyticsCronReport = { users: new Set(queue).size, steps: 0, workouts: 0 };
  while (queue.length && Date.now() - started + opts.stepBudgetMs < opts.timeLimitMs) {
    const userId = queue.shift() as string;
    try {
      const step = await runAnalyticsStep(db, userId, { budgetMs: opts.stepBudgetMs });
      report.steps += 1;
      report.workouts += step.processed;
      if (step.more) queue.push(userId);
    } catch (error) {
      log.error("analytics.cron.step_failed", { userId, error });
    }
  }
  return report;
}
