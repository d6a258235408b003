import { useQuery } from "@tanstack/react-query";
import type { AnalyticsProgress } from "@/lib/domain/analytics";
import { queryKeys } from "./query-keys";
import { fetchJson } from "./fetch-json";

const POLL_MS = 2_000;

/** The rescoring / backfill job; polled every 2 s while it is queued or running, never otherwise. */
export function useAnalyticsProgress(initial: AnalyticsProgress) {
  return useQuery({
    queryKey: queryKeys.analyticsProgress(),
    queryFn: () => fetchJson<AnalyticsProgress>("/api/analytics/progress"),
    initialData: initial,
    staleTime: POLL_MS,
    refetchInterval: (query) => (query.state.data?.state === "pending" || query.state.data?.state === "running" ? POLL_MS : false),
  });
}
