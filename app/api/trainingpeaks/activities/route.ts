import { dayRangeSchema } from "@/lib/time/day-range";
import { userRoute } from "@/server/handlers/route";
import { listTrainingPeaksActivities } from "@/server/queries/trainingpeaks-activities";

const query = dayRangeSchema(366, "choose a range of at most one year");

export const dynamic = "force-dynamic";

/** The signed-in athlete's TrainingPeaks activities (ranges over 45 days are fetched in chunks), linked to ours. */
export const GET = userRoute("trainingpeaks.activities", query, ({ userId, query: q }) => listTrainingPeaksActivities(userId, q.start, q.end));
