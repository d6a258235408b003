import { useQuery } from "@tanstack/react-query";
import type { LinkedActivityList } from "@/lib/domain/trainingpeaks";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** TrainingPeaks activities between two days (YYYY-MM-DD, inclusive), linked to our workouts. */
export function useTrainingPeaksActivities(start: string, end: string) {
  return useQuery({
    queryKey: queryKeys.trainingPeaksActivities(start, end),
    queryFn: () => fetchJson<LinkedActivityList>(`/api/trainingpeaks/activities?${new URLSearchParams({ start, end })}`),
    // Each request goes out to TrainingPeaks (in 45-day chunks): ask again only after a while.
    staleTime: 5 * 60_000,
  });
}
