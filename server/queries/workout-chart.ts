import "server-only";
import { getDb } from "@/server/db/client";
import { AppError } from "@/lib/errors/app-error";
import { workoutChartOf } from "@/lib/metrics/workout-chart-of";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { readAnalyticsSettings } from "./analytics-settings";
import { getWorkoutDetail } from "./workout-detail";

/**
 * A workout's chart data in the user's units, the same figures the detail page shows around the charts
 * (workoutChartOf). The page leaves it out of its own payload: the charts fetch it when they near the viewport.
 * Someone else's workout is a 404, like a missing one.
 */
export async function getWorkoutChart(userId: string, workoutId: string): Promise<WorkoutChartData> {
  const [detail, settings] = await Promise.all([getWorkoutDetail(userId, workoutId), getDb().then((db) => readAnalyticsSettings(db, userId))]);
  if (!detail) throw new AppError("workout.not_found");
  return workoutChartOf(detail, settings.units).chart;
}
