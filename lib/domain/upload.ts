/** What the workout page shows about a workout's trip to TrainingPeaks (pure). */

export type PushState = "not_sent" | "queued" | "uploading" | "processing" | "done" | "failed";

export type PushErrorCode =
  | "consent_required" // the stored grant lacks file:write
  | "reconnect_required" // the TrainingPeaks grant is gone
  | "rejected" // TrainingPeaks refused the file (400/415): sending it again fails the same way
  | "rate_limited"
  | "unavailable"
  | "tp_failed" // TrainingPeaks finished processing with an error
  | "no_samples"
  | "internal";

export interface PushView {
  state: PushState;
  trigger: "manual" | "auto" | null;
  tpWorkoutId: string | null;
  tpWorkoutUrl: string | null;
  /** the workout was already on TrainingPeaks: we linked it instead of uploading */
  linkedExisting: boolean;
  errorCode: PushErrorCode | null;
  message: string | null;
  retryAfterSeconds: number | null;
  /** the user can press "Send" (again) */
  canSend: boolean;
  updatedAt: string | null;
}

export interface UploadRowLike {
  state: Exclude<PushState, "not_sent">;
  trigger: string;
  tpWorkoutId: string | null;
  tpWorkoutUrl: string | null;
  linkedExisting: boolean;
  errorCode: string | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  leaseExpiresAt: Date | null;
  updatedAt: Date;
}

const ERROR_CODES: readonly PushErrorCode[] = ["consent_required", "reconnect_required", "rejected", "rate_limited", "unavailable", "tp_failed", "no_samples", "internal"];

function errorCode(code: string | null): PushErrorCode | null {
  return code === null ? null : (ERROR_CODES.find((c) => c === code) ?? "internal");
}

export function notSentView(): PushView {
  return {
    state: "not_sent",
    trigger: null,
    tpWorkoutId: null,
    tpWorkoutUrl: null,
    linkedExisting: false,
    errorCode: null,
    message: null,
    retryAfterSeconds: null,
    canSend: true,
    updatedAt: null,
  };
}

export function toPushView(row: UploadRowLike | null, now = Date.now()): PushView {
  if (!row) return notSentView();
  const code = errorCode(row.errorCode);
  const waitMs = row.nextAttemptAt ? row.nextAttemptAt.getTime() - now : 0;
  // A lease that ran out means the uploading request died: the user may try again (the server re-checks TrainingPeaks first).
  const staleUpload = row.state === "uploading" && (row.leaseExpiresAt?.getTime() ?? 0) < now;
  return {
    state: row.state,
    trigger: row.trigger === "auto" ? "auto" : "manual",
    tpWorkoutId: row.tpWorkoutId,
    tpWorkoutUrl: row.tpWorkoutUrl,
    linkedExisting: row.linkedExisting,
    errorCode: code,
    message: row.lastError,
    retryAfterSeconds: waitMs > 0 ? Math.ceil(waitMs / 1000) : null,
    canSend: row.state === "queued" || staleUpload || (row.state === "failed" && code !== "no_samples"),
    updatedAt: row.updatedAt.toISOString(),
  };
}
