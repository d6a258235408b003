import type { Activity } from "@/lib/domain/activity";
import type { ScoreMethod, WorkoutScore } from "@/lib/domain/analytics";
import type { ResolvedThreshold, ResolvedThresholds, ThresholdKind } from "@/lib/domain/thresholds";
import { estimatedStress } from "./estimate-stress";
import { DEFAULT_RESTING_HR, heartRateStress } from "./hr-stress";
import { gradedSpeeds, normalizedRollingMean, paceStress, rowingWattsForSplit } from "./pace-stress";
import { powerMetrics } from "./power";

/**
 * THE score of a workout (pure). The workout page, the stored score behind the calendar and the PMC, the FIT export's
 * session TSS and the comparison with TrainingPeaks all call this one function on the same Activity, so they agree.
 *
 * Which method, first that applies (each needs a minute of readings and its threshold):
 *   rides (cycling, bike bootcamp)  power TSS (FTP) → heart-rate TSS → estimate
 *   runs and walks                  pace TSS from normalized graded pace (threshold run pace) → heart-rate TSS → estimate
 *   rows                            power TSS against the threshold power of the rowing threshold split → pace TSS
 *                                   (split) → heart-rate TSS → estimate
 *   everything else                 heart-rate TSS → estimate
 * Power TSS is lib/metrics/power.ts's (NP, IF, seconds with a reading); pace TSS pace-stress.ts; heart-rate TSS
 * hr-stress.ts; estimates estimate-stress.ts. Thresholds come from `activity.thresholds` (the ones in force that day);
 * without them only `activity.ftp` is known.
 */
type Family = "bike" | "run" | "row" | "other";

const MIN_SECONDS = 60;

const FAMILY: Record<string, Family> = {
  cycling: "bike",
  bike_bootcamp: "bike",
  running: "run",
  walking: "run",
  caesar: "row",
  caesar_bootcamp: "row",
};

const SPORT_DISCIPLINE: Partial<Record<Activity["sport"], string>> = { cycling: "cycling", running: "running", walking: "walking", rowing: "caesar" };

function disciplineOf(activity: Activity): string {
  return activity.discipline ?? SPORT_DISCIPLINE[activity.sport] ?? "other";
}

/** The thresholds of the activity's day; an FTP known only to the activity (a file's, a ride's own) fills a gap. */
function thresholdsOf(activity: Activity): ResolvedThresholds {
  const ftp: ResolvedThreshold | null = activity.ftp ? { value: activity.ftp, source: "manual", effectiveFrom: "", fallback: false } : null;
  if (activity.thresholds) return activity.thresholds.ftp || !ftp ? activity.thresholds : { ...activity.thresholds, ftp };
  return { ftp, thresholdHr: null, maxHr: null, restingHr: null, runPace: null, rowSplit: null };
}

type Attempt = Omit<WorkoutScore, "method"> & { method: ScoreMethod };

const threshold = (kind: ThresholdKind, t: ResolvedThreshold, fromActivity: boolean) => ({ kind, value: t.value, source: fromActivity ? ("activity" as const) : t.source });

function byPower(activity: Activity, watts: number, kind: ThresholdKind, basis: ResolvedThreshold): Attempt | null {
  const power = powerMetrics(activity.samples.power ?? [], { ftp: watts, pauses: activity.pauses ?? [] });
  if (power.secondsWithPower < MIN_SECONDS || !(power.averagePower ?? 0) || power.tss === null) return null;
  return { tss: power.tss, method: "power", intensity: power.intensityFactor, threshold: threshold(kind, basis, !activity.thresholds), perHour: null, seconds: power.secondsWithPower };
}

/** Percent grade from altitude over distance (10 s apart), for recordings without an incline channel. */
function gradeFromTrack(activity: Activity): (number | null)[] | undefined {
  const { altitude, distance } = activity.samples;
  if (!altitude || !distance) return undefined;
  return altitude.map((alt, i) => {
    const j = i - 10;
    const a0 = j >= 0 ? altitude[j] : null;
    const d0 = j >= 0 ? distance[j] : null;
    const d1 = distance[i];
    if (alt === null || a0 === null || a0 === undefined || d0 === null || d0 === undefined || d1 === null || d1 === undefined || d1 - d0 < 5) return null;
    return ((alt - a0) / (d1 - d0)) * 100;
  });
}

function byPace(activity: Activity, thresholdSpeed: number, kind: ThresholdKind, basis: ResolvedThreshold, graded: boolean): Attempt | null {
  const speed = activity.samples.speed;
  if (!speed) return null;
  const seconds = speed.reduce<number>((n, v) => (v !== null && Number.isFinite(v) ? n + 1 : n), 0);
  if (seconds < MIN_SECONDS) return null;
  const values = graded ? gradedSpeeds(speed, activity.samples.grade ?? gradeFromTrack(activity)) : speed;
  const normalizedSpeed = normalizedRollingMean(values);
  const result = normalizedSpeed === null ? null : paceStress({ seconds, normalizedSpeed, thresholdSpeed });
  if (!result) return null;
  return { ...result, method: "pace", threshold: threshold(kind, basis, false), perHour: null, seconds };
}

function byHeartRate(activity: Activity, t: ResolvedThresholds): Attempt | null {
  const hr = activity.samples.heartRate;
  if (!hr || !t.thresholdHr || !t.maxHr) return null;
  const resting = t.restingHr?.value ?? DEFAULT_RESTING_HR;
  const result = heartRateStress(hr, { threshold: t.thresholdHr.value, max: t.maxHr.value, resting });
  if (!result || result.seconds < MIN_SECONDS) return null;
  return { tss: result.tss, method: "heart_rate", intensity: result.intensity, threshold: threshold("threshold_hr", t.thresholdHr, false), perHour: null, seconds: result.seconds };
}

function byEstimate(activity: Activity, discipline: string): Attempt {
  const seconds = activity.durationSeconds > 0 ? activity.durationSeconds : activity.length;
  const { tss, perHour } = estimatedStress(discipline, seconds);
  return { tss, method: "estimate", intensity: null, threshold: null, perHour, seconds };
}

export function scoreActivity(activity: Activity): WorkoutScore {
  const t = thresholdsOf(activity);
  const discipline = disciplineOf(activity);
  const family = FAMILY[discipline] ?? "other";
  const attempts: (() => Attempt | null)[] = [];
  if (family === "bike" && t.ftp) attempts.push(() => byPower(activity, t.ftp!.value, "ftp", t.ftp!));
  if (family === "run" && t.runPace) attempts.push(() => byPace(activity, t.runPace!.value, "run_pace", t.runPace!, true));
  if (family === "row" && t.rowSplit) {
    const split = t.rowSplit;
    const watts = rowingWattsForSplit(split.value);
    if (watts) attempts.push(() => byPower(activity, watts, "row_split", split));
    attempts.push(() => byPace(activity, 500 / split.value, "row_split", split, false));
  }
  attempts.push(() => byHeartRate(activity, t));
  for (const attempt of attempts) {
    const result = attempt();
    if (result) return result;
  }
  return byEstimate(activity, discipline);
}
