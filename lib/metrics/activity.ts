import { powerMetrics } from "@/lib/metrics/power";
import { scoreActivity } from "@/lib/metrics/score";
import { caloriesFromWork, integrateSpeed, lastReadingAtOrBefore, maxReading, meanReading } from "./activity-summary";
import type { Activity, ActivitySamples, ActivitySession, ActivitySport, ComparisonMetrics } from "../domain/activity";

/**
 * Every figure of an activity, computed once (pure, unrounded: display rounds). The workout page's summary, the FIT
 * export's session message and the comparison all read them from here, so they cannot disagree.
 *
 * - Totals the recording states win: the device's session totals (a FIT session's total_distance, total_calories,
 *   total_work; for Peloton the summary's distance and calories) over anything added up from the samples. Distance
 *   falls back to the last distance reading, then to speed integrated over time; calories to 1 kcal per kJ of work.
 * - Duration is the timer time (`durationSeconds`: pauses excluded); elapsed is the whole timeline.
 * - Power (average, max, NP, IF, TSS) comes from lib/metrics/power.ts on the 1 Hz power samples with the pauses cut
 *   out: a second without power in a recording with power is 0 W, NP's window runs over timer-running time only.
 *   IF needs a positive `ftp`; otherwise it is null. TSS is the workout's one score (lib/metrics/score.ts: power, pace
 *   or heart rate, with `ftp` as the FTP in force) when it is measured; an estimate is not a figure of the recording.
 * - Heart rate and cadence: average and maximum of the positive readings; 0 bpm is a strap dropout (counted nowhere)
 *   and cadence follows Garmin's and TrainingPeaks' default of averaging without zeros.
 * - `ftp` echoes the FTP the figures were computed with (null when absent or not positive).
 * - Several sessions (a brick: bike, then run): each leg gets its own figures from its own span and totals, and the
 *   activity's distance is the sum of the legs' (devices restart the distance channel with each leg).
 */
export interface ActivityFigures extends ComparisonMetrics {
  durationSeconds: number;
  elapsedSeconds: number;
  maxHeartRate: number | null;
  maxCadence: number | null;
  /** total work in kJ */
  workKj: number | null;
  calories: number | null;
  /** one entry per leg of a file with several sessions; empty otherwise */
  legs: LegFigures[];
}

export interface LegFigures {
  sport: ActivitySport;
  subSport: string | null;
  /** seconds since the activity's start */
  start: number;
  durationSeconds: number;
  distanceMeters: number | null;
  avgPower: number | null;
  normalizedPower: number | null;
  avgHeartRate: number | null;
}

const finite = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function activityFigures(activity: Activity, ftp: number | null): ActivityFigures {
  const usableFtp = typeof ftp === "number" && Number.isFinite(ftp) && ftp > 0 ? ftp : null;
  const sessions = (activity.sessions ?? []).length > 1 ? (activity.sessions ?? []) : [];
  const legs = sessions.map((session) => legFigures(activity, session, usableFtp));
  // a leg without a power meter (the run of a brick) is left out of the power figures, not counted as 0 W
  const withoutPower = sessions.filter((_, i) => legs[i]?.avgPower === null).map(({ start, end }) => ({ start, end }));
  const power = powerMetrics(activity.samples.power ?? [], { ftp: usableFtp, pauses: [...(activity.pauses ?? []), ...withoutPower] });
  const { heartRate, cadence } = activity.samples;
  const recorded = activity.recorded;
  const sampledWork = sumReadings(activity.samples.power);
  const workKj = finite(recorded?.totalWorkKj) ? recorded.totalWorkKj : sampledWork === null ? null : sampledWork / 1000;
  return {
    durationSeconds: activity.durationSeconds,
    distanceMeters: legs.length ? sumOrNull(legs.map((leg) => leg.distanceMeters)) : distanceOf(activity),
    avgPower: power.averagePower,
    maxPower: power.maxPower,
    normalizedPower: power.normalizedPower,
    intensityFactor: power.intensityFactor,
    tss: measuredTss(activity, usableFtp),
    avgHeartRate: meanReading(heartRate, { positiveOnly: true }),
    avgCadence: meanReading(cadence, { positiveOnly: true }),
    ftp: usableFtp,
    elapsedSeconds: activity.length,
    maxHeartRate: positiveMax(heartRate),
    maxCadence: positiveMax(cadence),
    workKj,
    calories: finite(recorded?.calories) ? recorded.calories : caloriesFromWork(workKj === null ? null : workKj * 1000),
    legs,
  };
}

/** The score's TSS with `ftp` in force, or null when the score would only be an estimate. */
function measuredTss(activity: Activity, ftp: number | null): number | null {
  const inForce = activity.thresholds?.ftp?.value ?? activity.ftp;
  const scored =
    ftp === inForce
      ? activity
      : { ...activity, ftp, thresholds: activity.thresholds && { ...activity.thresholds, ftp: ftp === null ? null : { value: ftp, source: "manual" as const, effectiveFrom: "", fallback: false } } };
  const score = scoreActivity(scored);
  return score.method === "estimate" ? null : score.tss;
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter(finite);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}

/** One session's span as an activity of its own (its samples, pauses and totals; distance from the leg's start). */
export function sessionActivity(activity: Activity, session: ActivitySession): Activity {
  const { start, end } = session;
  const samples: ActivitySamples = {};
  for (const [channel, values] of Object.entries(activity.samples) as [keyof ActivitySamples, (number | null)[]][]) {
    samples[channel] = values.slice(start, end);
  }
  const distance = activity.samples.distance;
  if (distance && samples.distance) {
    const before = start > 0 ? lastReadingAtOrBefore(distance, start - 1) : null;
    const first = samples.distance.find(finite) ?? null;
    // a channel that runs on from the previous leg (rather than restarting at 0) is measured from the leg's start
    if (before !== null && first !== null && first >= before) samples.distance = samples.distance.map((d) => (finite(d) ? d - before : d));
  }
  const pauses = (activity.pauses ?? [])
    .map((p) => ({ start: Math.max(0, p.start - start), end: Math.min(end, p.end) - start }))
    .filter((p) => p.end > p.start);
  const paused = pauses.reduce((n, p) => n + p.end - p.start, 0);
  const timer = session.recorded?.totalTimerSeconds;
  return {
    ...activity,
    sport: session.sport,
    subSport: session.subSport,
    startTime: new Date(activity.startTime.getTime() + start * 1000),
    length: end - start,
    durationSeconds: finite(timer) ? timer : end - start - paused,
    samples,
    pauses,
    laps: [],
    recorded: session.recorded,
    sessions: undefined,
  };
}

function legFigures(activity: Activity, session: ActivitySession, ftp: number | null): LegFigures {
  const f = activityFigures(sessionActivity(activity, session), ftp);
  return {
    sport: session.sport,
    subSport: session.subSport,
    start: session.start,
    durationSeconds: f.durationSeconds,
    distanceMeters: f.distanceMeters,
    avgPower: f.avgPower,
    normalizedPower: f.normalizedPower,
    avgHeartRate: f.avgHeartRate,
  };
}

/** The figures of the comparison contract (`npm run tp -- compare --json`), from activityFigures. */
export function activityMetrics(activity: Activity, ftp: number | null): ComparisonMetrics {
  const f = activityFigures(activity, ftp);
  return {
    durationSeconds: f.durationSeconds,
    distanceMeters: f.distanceMeters,
    avgPower: f.avgPower,
    maxPower: f.maxPower,
    normalizedPower: f.normalizedPower,
    intensityFactor: f.intensityFactor,
    tss: f.tss,
    avgHeartRate: f.avgHeartRate,
    avgCadence: f.avgCadence,
    ftp: f.ftp,
  };
}

function positiveMax(values: readonly (number | null)[] | undefined): number | null {
  const max = maxReading(values);
  return max !== null && max > 0 ? max : null;
}

function sumReadings(values: readonly (number | null)[] | undefined): number | null {
  let sum: number | null = null;
  for (const v of values ?? []) if (finite(v)) sum = (sum ?? 0) + Math.max(0, v);
  return sum;
}

function distanceOf(activity: Activity): number | null {
  const recorded = activity.recorded?.totalDistanceMeters;
  if (finite(recorded)) return recorded;
  const distance = activity.samples.distance;
  const last = distance ? lastReadingAtOrBefore(distance, distance.length - 1) : null;
  if (last !== null) return last;
  return integrateSpeed(activity.samples.speed)?.at(-1) ?? null;
}
