import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { listTrainingPeaksActivities } from "@/server/queries/trainingpeaks-activities";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");
const query = z
  .object({ start: day, end: day })
  .refine((q) => q.start <= q.end, { message: "the start date must not be after the end date", path: ["start"] })
  .refine((q) => Date.parse(q.end) - Date.parse(q.start) <= 366 * 86_400_000, { message: "choose a range of at most one year", path: ["end"] });

export const dynamic = "force-dynamic";

/** The signed-in athlete's TrainingPeaks activities (ranges over 45 days are fetched in chunks), linked to ours. */
export const GET = userRoute("trainingpeaks.activities", query, ({ userId, query: q }) => listTrainingPeaksActivities(userId, q.start, q.end));
