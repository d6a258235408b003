import { useQuery } from "@tanstack/react-query";
import type { PlannedWorkout } from "@/lib/domain/calendar";
import { queryKeys } from "./query-keys";
import { fetchJson } from "./fetch-json";

/** TrainingPeaks workouts with a plan between two days (inclusive); not asked for while TrainingPeaks is not connected. */
export function usePlannedWorkouts(start: string, end: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.plannedWorkouts(start, end),
    queryFn: () => fetchJson<PlannedWorkout[]>(`/api/calendar/planned?${new URLSearchParams({ start, end })}`),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
