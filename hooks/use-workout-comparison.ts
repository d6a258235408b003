import { useQuery } from "@tanstack/react-query";
import type { ComparisonReport } from "@/lib/compare/build";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** A synced workout next to the same session on TrainingPeaks; asks only while `enabled` (it costs a TrainingPeaks call). */
export function useWorkoutComparison(workoutId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.workoutComparison(workoutId),
    queryFn: () => fetchJson<ComparisonReport>(`/api/workouts/${encodeURIComponent(workoutId)}/compare`),
    enabled,
    staleTime: 5 * 60_000,
  });
}
