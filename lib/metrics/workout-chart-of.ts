import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { chartInputInUnits } from "./chart-units";
import { estimatePaceLevel } from "./pace-level";
import { buildWorkoutChart } from "./workout-chart";
import type { WorkoutChartData } from "./workout-chart-types";

/**
 * The workout's chart data, built by this one function for the detail page (its analytics and tables) and for the
 * charts, which fetch it from /api/workouts/[id]/chart when they near the viewport. Speeds, paces and elevations are in the user's units (chart-units.ts), axes, tooltips, bands and tables alike.
 */
export function workoutChartOf(w: WorkoutDetailView, units: UnitsSetting): { chart: WorkoutChartData; estimatedPaceLevel: number | null } {
  const input = chartInputInUnits({ discipline: w.discipline, series: w.series, targets: w.targets, segments: w.segments, ftp: w.ftp?.watts ?? null, heartRate: w.heartRate }, units);
  const estimatedPaceLevel = w.paceLevel === null ? estimatePaceLevel(input) : null;
  return { chart: buildWorkoutChart({ ...input, paceLevel: w.paceLevel ?? estimatedPaceLevel }), estimatedPaceLevel };
}
