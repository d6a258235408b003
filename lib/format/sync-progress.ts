import type { SyncProgress } from "@/lib/domain/sync";
import { formatDateTime } from "@/lib/format/date";
import { formatCount } from "@/lib/format/intl";

/** Pure: what the progress bar says. */
export interface ProgressView {
  label: string;
  percent: number | null;
  counts: string;
  detail: string | null;
  tone: "running" | "done" | "paused" | "error" | "idle";
}

const PHASE_LABEL: Record<SyncProgress["phase"], string> = {
  listing: "Listing your workouts",
  details: "Downloading workout data",
  finalizing: "Finishing up",
  uploading: "Sending new rides to TrainingPeaks",
  done: "Up to date",
  paused: "Paused",
  cancelled: "Cancelled",
  failed: "Failed",
};

export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 60) return "less than a minute left";
  if (seconds < 3600) return `about ${Math.ceil(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  return `about ${h} h ${Math.round((seconds % 3600) / 60)} min left`;
}

export function describeProgress(p: SyncProgress, now = Date.now()): ProgressView {
  const target = Math.max(p.remoteTotal ?? 0, p.total);
  const finished = p.done + p.failed;
  const percent = p.phase === "done" ? 100 : target > 0 && p.listComplete ? Math.min(99, Math.floor((finished / target) * 100)) : null;
  const counts =
    p.phase === "listing" ? `${formatCount(p.total)}${p.remoteTotal ? ` of ${formatCount(p.remoteTotal)}` : ""} workouts found` : `${formatCount(p.done)} of ${formatCount(target)} workouts synced`;
  let detail: string | null = null;
  let tone: ProgressView["tone"] = "running";
  if (p.phase === "done") {
    tone = "done";
    detail = p.failed ? `${p.failed} workout${p.failed === 1 ? "" : "s"} could not be downloaded; they are retried on the next sync.` : null;
  } else if (p.phase === "paused") {
    tone = "paused";
    if (p.pauseReason === "reconnect_required") detail = "Peloton needs you to reconnect your account; the sync continues where it stopped.";
    else if (p.pauseReason === "rate_limited" && p.resumeAfter) {
      const minutes = Math.max(1, Math.ceil((Date.parse(p.resumeAfter) - now) / 60_000));
      detail = `Peloton asked us to slow down; resuming in about ${minutes} min.`;
    } else detail = p.lastError;
  } else if (p.phase === "cancelled") {
    tone = "idle";
    detail = "Nothing synced so far is lost. Resume any time.";
  } else if (p.phase === "failed") {
    tone = "error";
    detail = p.lastError;
  } else {
    const parts = [p.ratePerMinute ? `${Math.round(p.ratePerMinute)} workouts/min` : null, formatEta(p.etaSeconds), p.failed ? `${p.failed} failed (retried later)` : null];
    detail = parts.filter(Boolean).join(" · ") || null;
  }
  return { label: PHASE_LABEL[p.phase], percent, counts, detail, tone };
}

/**
 * The finish time SyncPanel shows for a progress, formatted where the page is rendered (the server) and handed to the
 * panel, so a phone's page load builds no Intl formatter (lib/format/intl.ts says why).
 */
export function finishedLabel(progress: SyncProgress | null | undefined, timeZone: string): string | undefined {
  return progress?.finishedAt ? formatDateTime(progress.finishedAt, timeZone) : undefined;
}
