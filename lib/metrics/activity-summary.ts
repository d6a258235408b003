import { averagePower, maxPower } from "@/lib/metrics/power";
import type { Activity } from "../domain/activity";

/**
 * Averages and totals over a span of an activity's 1 Hz samples (pure), shared by the comparison metrics, the FIT
 * lap/session messages and the TCX laps so every output states the same figures.
 *
 * Rules. Nulls are "no reading" and never count. Heart rate and cadence average only positive readings: a 0 bpm is a
 * strap artefact, and cadence follows Garmin's and TrainingPeaks' default of averaging cadence without zeros (coasting
 * lowers average power, not average cadence). Power averages are over timer-running seconds and count a second
 * without power as 0 W, as in lib/metrics/power.ts. Work is the sum of the power readings over their seconds.
 */
export type Samples = readonly (number | null)[];

const isReading = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Mean of the readings in [from, to); `positiveOnly` also skips zeros and negatives. */
export function meanReading(values: Samples | undefined, opts: { from?: number; to?: number; positiveOnly?: boolean } = {}): number | null {
  if (!values) return null;
  const to = Math.min(values.length, opts.to ?? values.length);
  let sum = 0;
  let count = 0;
  for (let i = Math.max(0, opts.from ?? 0); i < to; i++) {
    const v = values[i];
    if (!isReading(v) || (opts.positiveOnly && v <= 0)) continue;
    sum += v;
    count++;
  }
  return count ? sum / count : null;
}

export function maxReading(values: Samples | undefined, from = 0, to = values?.length ?? 0): number | null {
  if (!values) return null;
  let max: number | null = null;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const v = values[i];
    if (isReading(v) && (max === null || v > max)) max = v;
  }
  return max;
}

/** The last reading at or before `index`, or null. */
export function lastReadingAtOrBefore(values: Samples, index: number): number | null {
  for (let i = Math.min(index, values.length - 1); i >= 0; i--) {
    const v = values[i];
    if (isReading(v)) return v;
  }
  return null;
}

/** Speed integrated over time (1 s per reading), as cumulative metres; null without any speed reading. */
export function integrateSpeed(speed: Samples | undefined): number[] | null {
  if (!speed?.some(isReading)) return null;
  const out: number[] = new Array<number>(speed.length);
  let total = 0;
  for (let i = 0; i < speed.length; i++) {
    const v = speed[i];
    if (isReading(v) && v > 0) total += v;
    out[i] = total;
  }
  return out;
}

/** Cumulative distance per second: the distance channel when it has readings, else integrated speed. */
export function distanceTrack(activity: Activity): Samples | null {
  const distance = activity.samples.distance;
  if (distance?.some(isReading)) return distance;
  return integrateSpeed(activity.samples.speed);
}

export interface SpanSummary {
  /** seconds in the span (elapsed) */
  seconds: number;
  distanceMeters: number | null;
  avgPower: number | null;
  maxPower: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadence: number | null;
  maxCadence: number | null;
  /** distance ÷ elapsed seconds when there is a distance, else the mean speed reading */
  avgSpeed: number | null;
  maxSpeed: number | null;
  workJoules: number | null;
}

/** Summary of [start, end) seconds; `track` is distanceTrack(activity), computed once by the caller. */
export function summarizeSpan(activity: Activity, track: Samples | null, start: number, end: number): SpanSummary {
  const { power, heartRate, cadence, speed } = activity.samples;
  const powerSpan = power ? power.slice(start, end) : [];
  let workJoules: number | null = null;
  for (const v of powerSpan) if (isReading(v)) workJoules = (workJoules ?? 0) + Math.max(0, v);
  let distanceMeters: number | null = null;
  if (track && end > start) {
    const atEnd = lastReadingAtOrBefore(track, end - 1);
    if (atEnd !== null) distanceMeters = Math.max(0, atEnd - (start > 0 ? (lastReadingAtOrBefore(track, start - 1) ?? 0) : 0));
  }
  const seconds = Math.max(0, end - start);
  return {
    seconds,
    distanceMeters,
    avgPower: averagePower(powerSpan, 1, activity.pauses?.map((p) => ({ start: p.start - start, end: p.end - start }))),
    maxPower: maxPower(powerSpan),
    avgHeartRate: meanReading(heartRate, { from: start, to: end, positiveOnly: true }),
    maxHeartRate: maxReading(heartRate, start, end),
    avgCadence: meanReading(cadence, { from: start, to: end, positiveOnly: true }),
    maxCadence: maxReading(cadence, start, end),
    avgSpeed: distanceMeters !== null && seconds > 0 ? distanceMeters / seconds : meanReading(speed, { from: start, to: end }),
    maxSpeed: maxReading(speed, start, end),
    workJoules,
  };
}

/** Active kilocalories from mechanical work: 1 kJ of work ≈ 1 kcal burned (≈24 % efficiency × 4.184 kJ/kcal). */
export function caloriesFromWork(workJoules: number | null): number | null {
  return workJoules === null ? null : Math.round(workJoules / 1000);
}
