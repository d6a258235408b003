import { useQuery } from "@tanstack/react-query";
import type { WeekVolume } from "@/lib/domain/dashboard";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** Time, output, TSS and workout count per week for the last `weeks` weeks (oldest first). */
export function useWeeklyVolume(weeks: number) {
  return useQuery({
    queryKey: queryKeys.weeklyVolume(weeks),
    queryFn: () => fetchJson<WeekVolume[]>(`/api/dashboard/weekly?${new URLSearchParams({ weeks: String(weeks) })}`),
  });
}
