import "server-only";
import { AUTO_RESUMED_PAUSES, RUNNING_PHASES } from "@/lib/domain/sync";
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { log } from "@/server/log";
import { startSyncJob } from "./job";
import { syncStep } from "./service";

/**
 * The schedule (cron) and the sweeper: start the daily incremental syncs that are due, and advance every runnable
 * job, a bounded pool of users at once, each step through the one sync service and within the invocation's time limit.
 */
export interface AdvanceReport {
  steps: number;
  usersAdvanced: number;
  finished: number;
}

export interface CronReport extends AdvanceReport {
  started: number;
  elapsedMs: number;
}

const DAY_MS = 24 * 3600_000;

/** Users whose job can take a step now: running or due to resume, no live lease, Peloton still connected. */
async function runnableUsers(db: Db, now: Date): Promise<string[]> {
  const jobs = await db.syncJob.findMany({
    where: {
      user: { pelotonConnection: { status: "active" } },
      AND: [
        { OR: [{ phase: { in: [...RUNNING_PHASES] } }, { phase: "paused", pauseReason: { in: [...AUTO_RESUMED_PAUSES] }, resumeAfter: { lte: now } }] },
        // A live lease means a driver is on it; an expired one was left by a step that died.
        { OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: new Date() } }] },
      ],
    },
    select: { userId: true },
    orderBy: { updatedAt: "asc" },
    take: 200,
  });
  return [...new Set(jobs.map((j) => j.userId))];
}

/**
 * Advance runnable jobs with `poolSize` users in flight at once, round-robin (a user with more work goes to the back
 * of the queue). A step starts only while it still fits inside `timeLimitMs`.
 */
export async function advanceRunnable(opts: { timeLimitMs: number; poolSize?: number; stepBudgetMs?: number; now?: Date }): Promise<AdvanceReport> {
  const started = Date.now();
  const { sync } = getEnv();
  const budgetMs = opts.stepBudgetMs ?? sync.stepBudgetMs;
  const queue = await runnableUsers(await getDb(), opts.now ?? new Date());
  const report: AdvanceReport = { steps: 0, usersAdvanced: 0, finished: 0 };
  const advanced = new Set<string>();
  const worker = async () => {
    while (Date.now() - started + budgetMs < opts.timeLimitMs) {
      const userId = queue.shift();
      if (!userId) return;
      try {
        const r = await syncStep(userId, { budgetMs });
        report.steps += 1;
        advanced.add(userId);
        if (r.more && !r.busy) queue.push(userId);
        if (r.progress?.phase === "done") report.finished += 1;
      } catch (error) {
        log.error("sync.advance.step_failed", { userId, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.poolSize ?? sync.poolSize, queue.length)) }, worker));
  report.usersAdvanced = advanced.size;
  return report;
}

/** The platform cron: daily incremental syncs for connections not synced for about a day, then advance everything. */
export async function runSyncCron(opts: { timeLimitMs: number; stepBudgetMs?: number; poolSize?: number; now?: Date }): Promise<CronReport> {
  const started = Date.now();
  const db = await getDb();
  const now = opts.now ?? new Date();
  let startedJobs = 0;
  const due = await db.pelotonConnection.findMany({
    where: { status: "active", OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: new Date(now.getTime() - DAY_MS + 3600_000) } }] },
    select: { userId: true },
    take: 200,
  });
  for (const { userId } of due) {
    const hasHistory = (await db.workout.count({ where: { userId } })) > 0;
    const { created } = await startSyncJob(db, userId, hasHistory ? "incremental" : "full");
    if (created) startedJobs += 1;
  }
  const advanced = await advanceRunnable({ ...opts, timeLimitMs: opts.timeLimitMs - (Date.now() - started), now });
  return { started: startedJobs, ...advanced, elapsedMs: Date.now() - started };
}
