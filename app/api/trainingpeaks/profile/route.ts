import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { fromFailure } from "@/lib/errors/app-error";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";

export const dynamic = "force-dynamic";

const query = z.object({ refresh: z.enum(["1", "true"]).optional() });

/** The signed-in athlete's TrainingPeaks profile and thresholds (snapshot-backed). */
export const GET = userRoute("trainingpeaks.profile", query, async ({ userId, query: q }) => {
  const summary = await getTrainingPeaksSummary(userId, { refresh: Boolean(q.refresh) });
  if ("error" in summary) throw fromFailure(summary.error);
  return summary;
});
