import { z } from "zod";
import { isDay } from "@/lib/metrics/calendar";
import { userRoute } from "@/server/handlers/route";
import { fetchPlannedWorkouts } from "@/server/providers/trainingpeaks/records";

const day = z.string().refine(isDay, "must be a date as YYYY-MM-DD");
const query = z
  .object({ start: day, end: day })
  .refine((q) => q.start <= q.end, { message: "the start date must not be after the end date", path: ["start"] })
  .refine((q) => Date.parse(q.end) - Date.parse(q.start) <= 62 * 86_400_000, { message: "choose at most two months", path: ["end"] });

export const dynamic = "force-dynamic";

/** TrainingPeaks workouts with a plan in a calendar range (month or week view). */
export const GET = userRoute("calendar.planned", query, ({ userId, query: q }) => fetchPlannedWorkouts(userId, q.start, q.end));
