import type { ComparisonMetrics } from "@/lib/domain/activity";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";

/** The compared figures: TrainingPeaks' side, rounding, and the per-metric tolerances that decide "differs". */

export type MetricKey = keyof ComparisonMetrics;

export interface MetricSpec {
  key: MetricKey;
  label: string;
  unit: "s" | "m" | "W" | "bpm" | "rpm" | "";
  /** decimals kept in the JSON contract and in deltas */
  decimals: number;
  /** a value differs when |ours − TrainingPeaks| > max(absolute, percent % of |TrainingPeaks|) */
  tolerance: { absolute: number; percent?: number };
}

/**
 * Tolerances, and why:
 * - duration ±60 s or 2 %: TrainingPeaks keeps TotalTime in decimal hours (0.01 h = 36 s) and may count paused time.
 * - distance ±100 m or 2 %: indoor distance is virtual and devices smooth GPS differently.
 * - average power and NP ±5 W or 3 %: zero-averaging and 1 s vs smart recording move them a few watts.
 * - max power ±10 W or 5 %: a single second, very sensitive to sampling.
 * - IF ±0.02: TrainingPeaks rounds IF to two decimals.
 * - TSS ±2 or 5 %: compounds the duration, NP and FTP differences.
 * - heart rate ±2 bpm or 2 %, cadence ±2 rpm or 3 % (zeros in or out of the average).
 * - FTP ±2 W: an input, not a measurement; only rounding may separate the two.
 */
export const METRIC_SPECS: readonly MetricSpec[] = [
  { key: "durationSeconds", label: "Duration", unit: "s", decimals: 0, tolerance: { absolute: 60, percent: 2 } },
  { key: "distanceMeters", label: "Distance", unit: "m", decimals: 1, tolerance: { absolute: 100, percent: 2 } },
  { key: "avgPower", label: "Average power", unit: "W", decimals: 1, tolerance: { absolute: 5, percent: 3 } },
  { key: "maxPower", label: "Max power", unit: "W", decimals: 0, tolerance: { absolute: 10, percent: 5 } },
  { key: "normalizedPower", label: "Normalized Power", unit: "W", decimals: 1, tolerance: { absolute: 5, percent: 3 } },
  { key: "intensityFactor", label: "Intensity Factor", unit: "", decimals: 3, tolerance: { absolute: 0.02 } },
  { key: "tss", label: "TSS", unit: "", decimals: 1, tolerance: { absolute: 2, percent: 5 } },
  { key: "avgHeartRate", label: "Average heart rate", unit: "bpm", decimals: 1, tolerance: { absolute: 2, percent: 2 } },
  { key: "avgCadence", label: "Average cadence", unit: "rpm", decimals: 1, tolerance: { absolute: 2, percent: 3 } },
  { key: "ftp", label: "FTP", unit: "W", decimals: 0, tolerance: { absolute: 2 } },
];

export const METRIC_KEYS: readonly MetricKey[] = METRIC_SPECS.map((s) => s.key);

export function roundTo(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  // +0 turns -0 into 0 so JSON never shows "-0".
  return Math.round(value * factor) / factor + 0;
}

/** Every metric rounded to its contract precision, keys in contract order; non-finite values become null. */
export function roundMetrics(m: ComparisonMetrics): ComparisonMetrics {
  const out: Partial<ComparisonMetrics> = {};
  for (const spec of METRIC_SPECS) out[spec.key] = roundTo(m[spec.key], spec.decimals);
  return {
    durationSeconds: out.durationSeconds ?? null,
    distanceMeters: out.distanceMeters ?? null,
    avgPower: out.avgPower ?? null,
    maxPower: out.maxPower ?? null,
    normalizedPower: out.normalizedPower ?? null,
    intensityFactor: out.intensityFactor ?? null,
    tss: out.tss ?? null,
    avgHeartRate: out.avgHeartRate ?? null,
    avgCadence: out.avgCadence ?? null,
    ftp: out.ftp ?? null,
  };
}

/** TrainingPeaks shows IF with two decimals; an FTP that reproduces it within that rounding is the one it used. */
const IF_ROUNDING = 0.005 + 1e-9;

/**
 * The FTP TrainingPeaks applied to this workout. With NP and IF it is NP / IF (TrainingPeaks uses the threshold in
 * force when the file arrived, which may not be today's); the athlete's current threshold `ftp` is preferred when it
 * reproduces that IF, since NP / IF carries IF's rounding error. Without NP or IF (basic athletes) it is `ftp`.
 */
export function impliedTrainingPeaksFtp(np: number | null, intensity: number | null, ftp: number | null): number | null {
  if (np === null || intensity === null || !(np > 0) || !(intensity > 0)) return ftp;
  if (ftp !== null && ftp > 0 && Math.abs(np / ftp - intensity) <= IF_ROUNDING) return ftp;
  return Math.round(np / intensity);
}

/** TrainingPeaks' own figures for a workout, as ComparisonMetrics (never recomputed: nulls stay nulls). */
export function tpActivityMetrics(activity: TrainingPeaksActivity, ftp: number | null): ComparisonMetrics {
  return {
    durationSeconds: activity.durationSeconds,
    distanceMeters: activity.distanceMeters !== null && activity.distanceMeters > 0 ? activity.distanceMeters : null,
    avgPower: activity.avgPower,
    maxPower: activity.maxPower,
    normalizedPower: activity.normalizedPower,
    intensityFactor: activity.intensityFactor,
    tss: activity.tss,
    avgHeartRate: activity.avgHeartRate,
    avgCadence: activity.avgCadence,
    ftp: impliedTrainingPeaksFtp(activity.normalizedPower, activity.intensityFactor, ftp),
  };
}

export type RowFlag = "ok" | "differs" | "missing_tp" | "missing_ours";

export interface MetricRow {
  key: MetricKey;
  label: string;
  unit: MetricSpec["unit"];
  ours: number | null;
  trainingpeaks: number | null;
  /** ours − TrainingPeaks */
  delta: number | null;
  /** delta as a percentage of TrainingPeaks' value (null when that is 0 or absent) */
  deltaPercent: number | null;
  flag: RowFlag;
  /** the allowed |delta| for this row, so the UI can say what "differs" means */
  tolerance: number | null;
}

export function allowedDelta(spec: MetricSpec, reference: number): number {
  return Math.max(spec.tolerance.absolute, ((spec.tolerance.percent ?? 0) / 100) * Math.abs(reference));
}

/**
 * One row per metric, in contract order. Both sides absent is "ok" (nothing to disagree about, e.g. power on a
 * run without a meter); one side absent is flagged with the side that is missing.
 */
export function compareMetrics(ours: ComparisonMetrics, tp: ComparisonMetrics | null): MetricRow[] {
  return METRIC_SPECS.map((spec) => {
    const mine = roundTo(ours[spec.key], spec.decimals);
    const theirs = tp ? roundTo(tp[spec.key], spec.decimals) : null;
    const base = { key: spec.key, label: spec.label, unit: spec.unit, ours: mine, trainingpeaks: theirs };
    if (mine === null || theirs === null) {
      const flag: RowFlag = mine === null && theirs === null ? "ok" : mine === null ? "missing_ours" : "missing_tp";
      return { ...base, delta: null, deltaPercent: null, flag, tolerance: null };
    }
    const delta = roundTo(mine - theirs, spec.decimals) ?? 0;
    const tolerance = allowedDelta(spec, theirs);
    // The epsilon keeps a delta of exactly the tolerance "ok" despite binary floating point.
    const flag: RowFlag = Math.abs(delta) > tolerance + 1e-9 ? "differs" : "ok";
    return { ...base, delta, deltaPercent: theirs === 0 ? null : roundTo((delta / Math.abs(theirs)) * 100, 1), flag, tolerance: roundTo(tolerance, spec.decimals) };
  });
}
