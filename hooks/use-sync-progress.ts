import { useQuery } from "@tanstack/react-query";
import type { SyncProgress } from "@/lib/domain/sync";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { SYNC_POLL_MS, syncPollInterval } from "./sync-driver";

/** The signed-in user's sync progress, polled every 2 s while a job runs (shared by the app shell and the sync panel). */
export function useSyncProgress(initial?: SyncProgress | null) {
  return useQuery({
    queryKey: queryKeys.syncProgress(),
    queryFn: () => fetchJson<SyncProgress | null>("/api/sync/progress"),
    ...(initial === undefined ? {} : { initialData: initial }),
    staleTime: SYNC_POLL_MS,
    refetchInterval: (query) => syncPollInterval(query.state.data),
  });
}
