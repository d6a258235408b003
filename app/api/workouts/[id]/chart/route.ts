import { z } from "zod";
import { parseInput, userHandler } from "@/server/handlers/route";
import { getWorkoutChart } from "@/server/queries/workout-chart";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/i, "not a workout id") });

/** The chart data of a workout of the signed-in user (components/workouts/lazy-workout-charts.tsx); another user's is a 404. */
export const GET = userHandler<{ id: string }>("workouts.chart", async ({ userId, params: raw }) => getWorkoutChart(userId, parseInput(params, raw).id));
