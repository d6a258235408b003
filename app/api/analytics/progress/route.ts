import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { getAnalyticsProgress } from "@/server/queries/analytics-job";

export const dynamic = "force-dynamic";

/** The signed-in user's rescoring / backfill job (the pages poll it while it runs). */
export const GET = userRoute("analytics.progress", z.object({}), ({ userId }) => getAnalyticsProgress(userId));
