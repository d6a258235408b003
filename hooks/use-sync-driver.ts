import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { SyncProgress } from "@/lib/domain/sync";
import { queryKeys } from "./query-keys";
import { describeDriver, justFinished, SYNC_REFRESH_MS } from "./sync-driver";
import { useSyncCommands } from "./use-sync-commands";
import { useSyncProgress } from "./use-sync-progress";

/**
 * The sync panel's state: the progress the server reports (polled), the commands, and a refresh of the page's
 * server-rendered parts while the job runs and once when it finishes. The server drives the steps, not the page.
 */
export function useSyncDriver(initial: SyncProgress | null) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useSyncProgress(initial);
  const commands = useSyncCommands();
  const progress = query.data ?? null;
  const { running } = describeDriver(progress, commands.pending);
  const previous = useRef(progress);

  // A server render knows of a job the shared cache may not have seen yet (a sync that connecting Peloton just started).
  useEffect(() => {
    if (initial) queryClient.setQueryData(queryKeys.syncProgress(), initial);
  }, [initial, queryClient]);
  useEffect(() => {
    if (justFinished(previous.current, progress)) router.refresh();
    previous.current = progress;
  }, [progress, router]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), SYNC_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  const pollError = query.error ? query.error.message : null;
  return { ...commands, progress, running, error: commands.error ?? pollError };
}
