/**
 * Mean-maximal curves (pure): for each duration, the best average of a 1 Hz series over any window of that length,
 * as Golden Cheetah's and intervals.icu's power curves define it.
 *
 * Gaps. A null (dropout, pause) counts as 0 inside a window: a best effort is what was recorded, so a window across a
 * dropout can only be lower, never higher, than the riding around it. Negative or non-finite readings count as 0.
 *
 * Durations. A stored curve keeps the best average at CURVE_SECONDS, roughly log-spaced from 1 s to 2 h (every second
 * to 10 s, then denser where best-effort tables and the critical-power model read: 3, 5, 12, 20, 60 min). A duration
 * longer than the series has no value (0 in the result).
 *
 * Cost: one prefix sum, then O(samples) per duration: a one-hour ride at 56 durations is ~200,000 additions.
 */
export const CURVE_SECONDS: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480, 540,
  600, 720, 840, 900, 1080, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3600, 4200, 4500, 4800, 5400, 6000, 6600, 7200,
];

/** Best efforts the pages list, by duration. */
export const BEST_EFFORT_SECONDS: readonly number[] = [5, 60, 300, 1200, 3600];

type Samples = ArrayLike<number | null | undefined>;

function prefixSums(values: Samples): Float64Array {
  const sums = new Float64Array(values.length + 1);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) total += v;
    sums[i + 1] = total;
  }
  return sums;
}

/** The best mean over each of `durations` seconds; 0 where the series is shorter than the duration. */
export function meanMaximal(values: Samples, durations: readonly number[] = CURVE_SECONDS): Float64Array {
  const sums = prefixSums(values);
  const n = values.length;
  const out = new Float64Array(durations.length);
  for (let k = 0; k < durations.length; k++) {
    const d = durations[k] ?? 0;
    if (!(d >= 1) || d > n) continue;
    let best = 0;
    for (let end = d; end <= n; end++) {
      const windowSum = (sums[end] ?? 0) - (sums[end - d] ?? 0);
      if (windowSum > best) best = windowSum;
    }
    out[k] = best / d;
  }
  return out;
}

/** The index of a duration in CURVE_SECONDS, or −1. */
export function curveIndex(seconds: number): number {
  return CURVE_SECONDS.indexOf(seconds);
}
