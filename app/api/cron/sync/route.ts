import { cronRoute } from "@/server/handlers/cron";
import { runSyncCron } from "@/server/sync/schedule";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Advances unfinished syncs and starts each connection's daily one. */
export const GET = cronRoute("sync.cron", maxDuration, ({ timeLimitMs, env }) =>
  runSyncCron({ timeLimitMs, stepBudgetMs: env.sync.stepBudgetMs, concurrency: env.sync.concurrency, everyN: env.sync.everyN }),
);
