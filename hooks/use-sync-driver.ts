import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { cancelSyncAction, resumeSyncAction, runSyncStepAction, startSyncAction } from "@/actions/sync";
import type { SyncKind, SyncProgress } from "@/lib/domain/sync";
import { createSyncDriver, describeDriver, type SyncActions } from "./sync-driver";

const serverActions: SyncActions = { start: startSyncAction, step: runSyncStepAction, cancel: cancelSyncAction, resume: resumeSyncAction };

/** Drives a sync from the browser and owns its state; the panel only renders it. */
export function useSyncDriver(initial: SyncProgress | null) {
  const router = useRouter();
  const [driver] = useState(() => createSyncDriver({ actions: serverActions, initial, refresh: () => router.refresh() }));
  const state = useSyncExternalStore(driver.subscribe, driver.getState, driver.getState);
  useEffect(() => {
    void driver.attach();
    return () => driver.detach();
  }, [driver]);
  return {
    ...state,
    ...describeDriver(state),
    start: (kind: SyncKind) => void driver.start(kind),
    cancel: () => void driver.cancel(),
    resume: () => void driver.resume(),
    retry: () => void driver.retry(),
  };
}
