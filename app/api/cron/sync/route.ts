import { cronRoute } from "@/server/handlers/cron";
import { runSyncCron } from "@/server/sync/schedule";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Advances unfinished syncs and starts each connection's daily one, through the sync service. */
export const GET = cronRoute("sync.cron", maxDuration, ({ timeLimitMs }) => runSyncCron({ timeLimitMs }));
