import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { cancelSyncAction, resumeSyncAction, startSyncAction } from "@/actions/sync";
import type { SyncKind, SyncProgress } from "@/lib/domain/sync";
import { queryKeys } from "./query-keys";
import { optimisticCancel, type SyncCommand } from "./sync-driver";

type Answer = { ok: true; data: SyncProgress | null } | { ok: false; message: string };
const UNREACHABLE = "AutoCoach did not answer. Check your connection and try again.";

/**
 * Start, cancel and resume a sync. Each answer goes into the shared progress cache, so every indicator on the page
 * follows at once; a cancel shows before the server answers and is rolled back if it fails.
 */
export function useSyncCommands() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<SyncCommand | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = queryKeys.syncProgress();

  async function run(command: SyncCommand, action: () => Promise<Answer>): Promise<void> {
    const before = queryClient.getQueryData<SyncProgress | null>(key) ?? null;
    setError(null);
    setPending(command);
    if (command === "cancel") queryClient.setQueryData(key, optimisticCancel(before));
    let answer: Answer;
    try {
      answer = await action();
    } catch {
      // A server action rejects only when the request itself failed (offline, or the server crashed).
      answer = { ok: false, message: UNREACHABLE };
    }
    setPending(null);
    if (answer.ok) queryClient.setQueryData(key, answer.data);
    else {
      if (command === "cancel") queryClient.setQueryData(key, before);
      setError(answer.message);
    }
  }

  return {
    pending,
    error,
    start: (kind: SyncKind) => void run("start", () => startSyncAction(kind)),
    cancel: () => void run("cancel", cancelSyncAction),
    resume: () => void run("resume", resumeSyncAction),
  };
}
