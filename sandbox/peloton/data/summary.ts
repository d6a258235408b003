import type { MemberSpec } from "./members";
import { EFFORT_PER_MINUTE, hrZoneOf } from "./physics";
import type { Series } from "./series";
import type { WorkoutHeader } from "./types";

/** The per-workout totals that list items, overview and PRs need (cheap to keep for every workout). */
export interface WorkoutSummary {
  /** Joules (the unrounded per-second output summed). */
  totalWork: number;
  distance: number;
  calories: number;
  /** Seconds in HR zones 1–5, or undefined without a heart-rate metric. */
  hrZones?: [number, number, number, number, number];
  effortPoints?: number;
}

export const round = (value: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

export function stats(values: Float64Array | undefined): { avg: number; max: number; missing: number } {
  if (!values) return { avg: 0, max: 0, missing: 0 };
  let sum = 0;
  let count = 0;
  let max = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
    if (v > max) max = v;
  }
  return { avg: count ? sum / count : 0, max, missing: values.length - count };
}

export function hrZoneDurations(hr: Float64Array, maxHr: number): [number, number, number, number, number] {
  const zones: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const v of hr) {
    if (Number.isNaN(v)) continue;
    const z = hrZoneOf(v, maxHr) - 1;
    zones[z] = (zones[z] ?? 0) + 1;
  }
  return zones;
}

export function summarize(member: MemberSpec, series: Series): WorkoutSummary {
  let totalWork = 0;
  if (series.output) for (const w of series.output) totalWork += w;
  const summary: WorkoutSummary = {
    totalWork: round(totalWork, 2),
    distance: series.distance ? (series.distance[series.n - 1] ?? 0) : 0,
    calories: series.calories,
  };
  if (series.heartRate) {
    summary.hrZones = hrZoneDurations(series.heartRate, member.maxHr);
    summary.effortPoints = round(summary.hrZones.reduce((acc, secs, i) => acc + (secs / 60) * (EFFORT_PER_MINUTE[i + 1] ?? 0), 0), 1);
  }
  return summary;
}

/** FTP from a test: 95 % of the average output over the 20-minute free-mode block. */
export function ftpTestResult(header: WorkoutHeader, series: Series): number {
  const block = header.plan.targets.find((t) => t.type === "free_mode");
  if (!block || !series.output) return 0;
  const from = block.start - header.plan.pedalingStart;
  let sum = 0;
  for (let s = from; s <= block.end - header.plan.pedalingStart; s++) sum += series.output[s] ?? 0;
  return Math.round((0.95 * sum) / (block.end - block.start + 1));
}
