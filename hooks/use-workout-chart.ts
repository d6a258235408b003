import { useQuery } from "@tanstack/react-query";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** A workout's chart data, fetched once `enabled` (the charts near the viewport); a synced workout's samples don't change. */
export function useWorkoutChart(workoutId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.workoutChart(workoutId),
    queryFn: () => fetchJson<WorkoutChartData>(`/api/workouts/${encodeURIComponent(workoutId)}/chart`),
    enabled,
    staleTime: Infinity,
  });
}
