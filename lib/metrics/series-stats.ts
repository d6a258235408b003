import type { ChannelStats } from "./workout-chart-types";

/**
 * Full-resolution statistics of one channel (pure). Samples are evenly spaced, so the plain mean of the readings is
 * the time-weighted mean; for a pace (time per distance) the right average is total time over total distance, the
 * harmonic mean of the readings. Nulls are no data: skipped, counted as missing seconds.
 */
export function averageOf(values: readonly (number | null)[], from = 0, to = values.length, pace = false): number | null {
  let sum = 0;
  let count = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (pace && !(v > 0)) continue;
    sum += pace ? 1 / v : v;
    count++;
  }
  if (!count) return null;
  return pace ? count / sum : sum / count;
}

export function channelStats(values: readonly (number | null)[], intervalSeconds: number, pace = false): ChannelStats {
  let min: number | null = null;
  let max: number | null = null;
  let readings = 0;
  for (const v of values) {
    if (v === null) continue;
    readings++;
    if (min === null || v < min) min = v;
    if (max === null || v > max) max = v;
  }
  return {
    avg: averageOf(values, 0, values.length, pace),
    min,
    max,
    dataSeconds: readings * intervalSeconds,
    missingSeconds: (values.length - readings) * intervalSeconds,
  };
}

/** The value at quantile q (0–1) of the readings, nearest rank; null without readings. */
export function quantile(values: readonly (number | null)[], q: number): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}
