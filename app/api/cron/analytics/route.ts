import { runAnalyticsCron } from "@/server/analytics/drive";
import { cronRoute } from "@/server/handlers/cron";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Advances queued rescoring / backfill jobs that no request finished. */
export const GET = cronRoute("analytics.cron", maxDuration, ({ timeLimitMs }) => runAnalyticsCron({ timeLimitMs, stepBudgetMs: 8_000 }));
