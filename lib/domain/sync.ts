/** A sync job as every layer sees it: its kind, its phases and the sets they fall in, and its progress. */

export type SyncKind = "full" | "incremental";
export type SyncPhase = "listing" | "details" | "finalizing" | "uploading" | "done" | "paused" | "cancelled" | "failed";
/** Phases in which a step makes progress. */
export const RUNNING_PHASES: readonly SyncPhase[] = ["listing", "details", "finalizing", "uploading"];
/** Phases of an unfinished job: running, or paused until it resumes. At most one such job per user. */
export const ACTIVE_PHASES: readonly SyncPhase[] = [...RUNNING_PHASES, "paused"];
/** Pauses a driver lifts by itself once `resumeAfter` has passed (a reconnect waits for the user). */
export const AUTO_RESUMED_PAUSES: readonly string[] = ["rate_limited", "error"];
/** Phases the "Resume" button continues. */
export const RESUMABLE_PHASES: readonly SyncPhase[] = ["paused", "cancelled"];
/** Phases a job never leaves. */
export const TERMINAL_PHASES: readonly SyncPhase[] = ["done", "cancelled", "failed"];

export function isRunning(phase: SyncPhase): boolean {
  return RUNNING_PHASES.includes(phase);
}

/** The phase a paused or cancelled job continues with: details once its list is complete, else the list. */
export function resumePhase(listComplete: boolean): SyncPhase {
  return listComplete ? "details" : "listing";
}

export interface SyncProgress {
  jobId: string;
  kind: SyncKind;
  phase: SyncPhase;
  /** workouts known locally (stubs included) and how many are fully synced / failed */
  total: number;
  done: number;
  failed: number;
  /** Peloton's own count, once the first list page was read */
  remoteTotal: number | null;
  listComplete: boolean;
  /** workouts per minute over the job so far, and the estimated seconds left */
  ratePerMinute: number | null;
  etaSeconds: number | null;
  lastError: string | null;
  pauseReason: string | null;
  resumeAfter: string | null;
  startedAt: string;
  finishedAt: string | null;
  requests: number;
  steps: number;
}

export function isActive(phase: SyncPhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}
