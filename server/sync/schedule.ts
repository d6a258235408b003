import "server-only";
import { getDb } from "@/server/db/client";
import { log } from "@/server/log";
import { startSyncJob } from "./job";
import { createPelotonSource } from "./peloton-source";
import { runSyncStep } from "./step";

/**
 * Driver (b): advance unfinished jobs and start a daily incremental sync for each active connection,
 * round-robin across users, within the function's time limit.
 */
export interface CronReport {
  started: number;
  steps: number;
  usersAdvanced: number;
  finished: number;
  elapsedMs: number;
}

const DAY_MS = 24 * 3600_000;

export async function runSyncCron(opts: { timeLimitMs: number; stepBudgetMs: number; concurrency: number; everyN: number; now?: Date }): Promise<CronReport> {
  const started = Date.now();
  const db = await getDb();
  const now = opts.now ?? new Date();
  const report: CronReport = { started: 0, steps: 0, usersAdvanced: 0, finished: 0, elapsedMs: 0 };

  // Daily incremental sync for connections not synced in the last ~day and without a running job.
  const due = await db.pelotonConnection.findMany({
    where: { status: "active", OR: [{ lastSyncedAt: null }, { lastSyncedAt: { lt: new Date(now.getTime() - DAY_MS + 3600_000) } }] },
    select: { userId: true },
    take: 200,
  });
  for (const { userId } of due) {
    const hasHistory = (await db.workout.count({ where: { userId } })) > 0;
    const { created } = await startSyncJob(db, userId, hasHistory ? "incremental" : "full");
    if (created) report.started += 1;
  }

  const runnable = await db.syncJob.findMany({
    where: {
      OR: [{ phase: { in: ["listing", "details", "finalizing", "uploading"] } }, { phase: "paused", pauseReason: { in: ["rate_limited", "error"] }, resumeAfter: { lte: now } }],
      user: { pelotonConnection: { status: "active" } },
    },
    select: { userId: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  const queue = [...new Set(runnable.map((j) => j.userId))];
  const advanced = new Set<string>();
  while (queue.length && Date.now() - started + opts.stepBudgetMs < opts.timeLimitMs) {
    const userId = queue.shift() as string;
    try {
      const r = await runSyncStep(db, userId, createPelotonSource(userId, { everyN: opts.everyN }), { budgetMs: opts.stepBudgetMs, concurrency: opts.concurrency });
      report.steps += 1;
      advanced.add(userId);
      if (r.more && !r.busy) queue.push(userId);
      if (r.progress?.phase === "done") report.finished += 1;
    } catch (error) {
      log.error("sync.cron.step_failed", { userId, error });
    }
  }
  report.usersAdvanced = advanced.size;
  report.elapsedMs = Date.now() - started;
  return report;
}
