import { useQuery } from "@tanstack/react-query";
import type { RecentWorkout } from "@/lib/domain/dashboard";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** The newest `limit` synced workouts. */
export function useRecentWorkouts(limit: number) {
  return useQuery({
    queryKey: queryKeys.recentWorkouts(limit),
    queryFn: () => fetchJson<RecentWorkout[]>(`/api/dashboard/recent?${new URLSearchParams({ limit: String(limit) })}`),
  });
}
