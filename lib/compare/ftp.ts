import { ftpSourceLabel } from "@/lib/format/display";

/**
 * Which FTP our IF and TSS use. Precedence, first usable value wins:
 *   1. explicit — typed by the user (form field, `--ftp`): they know best, e.g. after a recent test;
 *   2. file / workout — the FTP recorded with the session itself (the FIT file's zones_target, or the FTP the
 *      synced Peloton workout was ridden with): the threshold in force *that day*, which is also what
 *      TrainingPeaks applied if the file reached it soon after the ride;
 *   3. trainingpeaks — the athlete's current TrainingPeaks threshold (PowerZones.Default): today's value, which
 *      can postdate an old ride;
 *   4. none — IF and TSS stay null.
 * The choice and its source are part of every comparison, and the TrainingPeaks side reports the FTP it
 * implies, so an FTP mismatch explains itself instead of looking like a calculation error.
 */

export type FtpSource = "explicit" | "file" | "workout" | "trainingpeaks" | "none";

export interface FtpChoice {
  watts: number | null;
  source: FtpSource;
  /** how the UI and CLI describe the source, e.g. "from the FIT file" */
  label: string;
}

export const MIN_FTP_WATTS = 50;
export const MAX_FTP_WATTS = 700;

const usable = (watts: number | null | undefined): watts is number => typeof watts === "number" && Number.isFinite(watts) && watts > 0;

export interface FtpCandidates {
  explicit?: number | null;
  file?: number | null;
  /** a synced workout's own FTP, with the sync's description of where it came from */
  workout?: { watts: number; source: string } | null;
  trainingPeaks?: number | null;
}

export function chooseFtp(candidates: FtpCandidates): FtpChoice {
  if (usable(candidates.explicit)) return { watts: Math.round(candidates.explicit), source: "explicit", label: "entered by you" };
  if (usable(candidates.file)) return { watts: Math.round(candidates.file), source: "file", label: "from the FIT file" };
  if (candidates.workout && usable(candidates.workout.watts)) {
    return { watts: Math.round(candidates.workout.watts), source: "workout", label: `from the workout (${ftpSourceLabel(candidates.workout.source)})` };
  }
  if (usable(candidates.trainingPeaks)) return { watts: Math.round(candidates.trainingPeaks), source: "trainingpeaks", label: "your TrainingPeaks threshold" };
  return { watts: null, source: "none", label: "no FTP known" };
}
