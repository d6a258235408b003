import { dayRangeSchema } from "@/lib/time/day-range";
import { userRoute } from "@/server/handlers/route";
import { fetchPlannedWorkouts } from "@/server/providers/trainingpeaks/records";

const query = dayRangeSchema(62, "choose at most two months");

export const dynamic = "force-dynamic";

/** TrainingPeaks workouts with a plan in a calendar range (month or week view). */
export const GET = userRoute("calendar.planned", query, ({ userId, query: q }) => fetchPlannedWorkouts(userId, q.start, q.end));
