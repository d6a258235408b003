import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { workoutChartsHeight } from "./chart-layout";

/** Placeholder with exactly the height WorkoutCharts will take (use as the next/dynamic fallback). */
export function WorkoutChartsSkeleton({ data }: { data: Pick<WorkoutChartData, "panels" | "segments"> }) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading charts"
      className="animate-pulse rounded-lg bg-surface-2"
      style={{ height: workoutChartsHeight(data) }}
    />
  );
}
