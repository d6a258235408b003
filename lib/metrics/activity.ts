import { powerMetrics } from "@/lib/metrics/power";
import { integrateSpeed, lastReadingAtOrBefore, meanReading } from "./activity-summary";
import type { Activity, ComparisonMetrics } from "../domain/activity";

/**
 * The comparison figures of an activity (pure, unrounded: display rounds).
 *
 * - Power (average, max, NP, IF, TSS) comes from lib/metrics/power.ts on the 1 Hz power samples, so nulls are "no
 *   reading" (never 0 W), NP's 30 s window runs through dropouts, and TSS charges only seconds with a reading.
 *   IF and TSS need a positive `ftp`; otherwise they are null.
 * - Distance: the last distance reading; else the device's recorded total; else speed integrated over time.
 * - Average heart rate and cadence: mean of the positive readings (cadence excludes zeros; see summary.ts).
 * - `ftp` echoes the FTP the figures were computed with (null when absent or not positive).
 */
export function activityMetrics(activity: Activity, ftp: number | null): ComparisonMetrics {
  const usableFtp = typeof ftp === "number" && Number.isFinite(ftp) && ftp > 0 ? ftp : null;
  const power = powerMetrics(activity.samples.power ?? [], { ftp: usableFtp });
  return {
    durationSeconds: activity.durationSeconds,
    distanceMeters: distanceOf(activity),
    avgPower: power.averagePower,
    maxPower: power.maxPower,
    normalizedPower: power.normalizedPower,
    intensityFactor: power.intensityFactor,
    tss: power.tss,
    avgHeartRate: meanReading(activity.samples.heartRate, { positiveOnly: true }),
    avgCadence: meanReading(activity.samples.cadence, { positiveOnly: true }),
    ftp: usableFtp,
  };
}

function distanceOf(activity: Activity): number | null {
  const distance = activity.samples.distance;
  const last = distance ? lastReadingAtOrBefore(distance, distance.length - 1) : null;
  if (last !== null) return last;
  const recorded = activity.recorded?.totalDistanceMeters;
  if (typeof recorded === "number" && Number.isFinite(recorded)) return recorded;
  return integrateSpeed(activity.samples.speed)?.at(-1) ?? null;
}
