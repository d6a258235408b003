import { z } from "zod";
import { userRoute } from "@/lib/api/handler";
import { UserFacingFailure } from "@/lib/errors";
import { getTrainingPeaksSummary } from "@/lib/queries/trainingpeaks";

export const dynamic = "force-dynamic";

const query = z.object({ refresh: z.enum(["1", "true"]).optional() });

/** The signed-in athlete's TrainingPeaks profile and thresholds (snapshot-backed). */
export const GET = userRoute("trainingpeaks.profile", query, async ({ userId, query: q }) => {
  const summary = await getTrainingPeaksSummary(userId, { refresh: Boolean(q.refresh) });
  if ("error" in summary) throw new UserFacingFailure(summary.error);
  return summary;
});
