import { isRunning, type SyncProgress } from "@/lib/domain/sync";

/**
 * Pure rules of the browser's view of a sync. The server runs the steps (server/sync/background.ts); pages only poll
 * the progress and send start / cancel / resume.
 */

/** Poll every 2 s while a job runs; otherwise a slow look once a minute (the schedule may start one). */
export const SYNC_POLL_MS = 2_000;
export const SYNC_IDLE_POLL_MS = 60_000;
/** While a sync runs the server-rendered parts of a page (history, totals) are refreshed this often. */
export const SYNC_REFRESH_MS = 10_000;

export function syncPollInterval(progress: SyncProgress | null | undefined): number {
  return progress && isRunning(progress.phase) ? SYNC_POLL_MS : SYNC_IDLE_POLL_MS;
}

/** What a cancel looks like before the server answers: the job stops at once on screen. */
export function optimisticCancel(progress: SyncProgress | null): SyncProgress | null {
  return progress && isRunning(progress.phase) ? { ...progress, phase: "cancelled", etaSeconds: null } : progress;
}

/** A poll finished a job the page saw running: time to refresh the server-rendered parts once. */
export function justFinished(before: SyncProgress | null | undefined, after: SyncProgress | null | undefined): boolean {
  return !!before && isRunning(before.phase) && !!after && !isRunning(after.phase);
}

export type SyncCommand = "start" | "cancel" | "resume";

/** What the controls follow: a job runs while the server says so, unless a cancel is on its way. */
export function describeDriver(progress: SyncProgress | null, pending: SyncCommand | null): { running: boolean } {
  return { running: pending !== "cancel" && progress !== null && isRunning(progress.phase) };
}
