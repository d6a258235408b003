import { SCORE_METHOD_LABEL, type WorkoutScore } from "@/lib/domain/analytics";
import { THRESHOLD_SOURCE_LABEL, type ThresholdKind, type UnitsSetting } from "@/lib/domain/thresholds";
import { disciplineLabel } from "./display";
import { formatPace } from "./quantity";

/** How a score and its thresholds read to people (pure): "Power TSS · FTP 222 W (Peloton)". */

/** 125.4 → "2:05" (minutes:seconds, rounded to the second). */
export function formatClock(seconds: number): string {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

export function formatThreshold(kind: ThresholdKind, value: number, units: UnitsSetting): string {
  switch (kind) {
    case "ftp":
      return `${Math.round(value)} W`;
    case "threshold_hr":
    case "max_hr":
    case "resting_hr":
      return `${Math.round(value)} bpm`;
    case "run_pace":
      return formatPace(value, units);
    case "row_split":
      return `${formatClock(value)} /500 m`;
  }
}

const SHORT_KIND: Record<ThresholdKind, string> = {
  ftp: "FTP",
  threshold_hr: "threshold HR",
  max_hr: "max HR",
  resting_hr: "resting HR",
  run_pace: "threshold pace",
  row_split: "threshold split",
};

/** "FTP 222 W (Peloton)", "threshold HR 168 bpm (TrainingPeaks)", "35 per hour of strength". */
export function scoreBasis(score: WorkoutScore, units: UnitsSetting, discipline: string): string {
  if (score.method === "estimate" || !score.threshold) return `${score.perHour ?? 0} per hour of ${disciplineLabel(discipline).toLowerCase()}`;
  const t = score.threshold;
  const source = t.source === "activity" ? "recorded with the workout" : THRESHOLD_SOURCE_LABEL[t.source];
  return `${SHORT_KIND[t.kind]} ${formatThreshold(t.kind, t.value, units)} (${source})`;
}

export function describeScore(score: WorkoutScore, units: UnitsSetting, discipline: string): string {
  return `${SCORE_METHOD_LABEL[score.method]} · ${scoreBasis(score, units, discipline)}`;
}

/** Seconds as "1 h 05 min" / "45 min" for totals. */
export function formatHours(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}
