/**
 * Power metrics from a sampled power series (pure): average, max, Normalized Power, Intensity Factor, TSS.
 *
 * Gaps. Peloton sends `null` where it has no reading (sensor or app dropout, not coasting: coasting is 0 W). A null
 * is "no data": it never counts as 0 W. For NP the 30 s rolling window moves on through time regardless, and each
 * rolling value averages only the readings inside its window; a window with no reading at all yields no rolling value.
 * So a short dropout barely moves NP and a long one is simply left out. Average and max ignore nulls too, and TSS
 * charges only the seconds that have a reading (a 10-minute dropout adds no stress we cannot see).
 *
 * Sample interval. Peloton's every_n > 1 samples each cover `every_n` seconds, so the series is upsampled to 1 Hz by
 * holding each value for its interval before the 30 s window runs. That keeps the window 30 s long; NP from 5 s data
 * is smoother (a little lower) than from 1 s data, which is inherent in the coarser samples.
 *
 * Warm-up of the window. As in Coggan's definition the first rolling value is taken once 30 s have elapsed (at the
 * 30th second), so a ride shorter than 30 s has no NP. Negative or non-finite readings are treated as 0 W / no data.
 */
export const NP_WINDOW_SECONDS = 30;

export type PowerSample = number | null | undefined;

function reading(value: PowerSample): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value < 0 ? 0 : value;
}

function holdStep(intervalSeconds: number): number {
  return Number.isFinite(intervalSeconds) && intervalSeconds >= 1 ? Math.round(intervalSeconds) : 1;
}

/** The series at 1 Hz: each sample held for its interval. */
export function toOneHz(values: readonly PowerSample[], intervalSeconds = 1): (number | null)[] {
  const step = holdStep(intervalSeconds);
  const out: (number | null)[] = new Array<number | null>(values.length * step);
  for (let i = 0; i < values.length; i++) out.fill(reading(values[i]), i * step, (i + 1) * step);
  return out;
}

/** Mean of the readings (nulls ignored); samples are evenly spaced, so this is also the time-weighted mean. */
export function averagePower(values: readonly PowerSample[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    const watts = reading(value);
    if (watts === null) continue;
    sum += watts;
    count++;
  }
  return count ? sum / count : null;
}

export function maxPower(values: readonly PowerSample[]): number | null {
  let max: number | null = null;
  for (const value of values) {
    const watts = reading(value);
    if (watts !== null && (max === null || watts > max)) max = watts;
  }
  return max;
}

/** NP: 4th root of the mean 4th power of the 30 s rolling average (see the gap and interval rules above). */
export function normalizedPower(values: readonly PowerSample[], intervalSeconds = 1): number | null {
  const watts = toOneHz(values, intervalSeconds);
  if (watts.length < NP_WINDOW_SECONDS) return null;
  let windowSum = 0;
  let windowCount = 0;
  let sumFourth = 0;
  let rollingCount = 0;
  for (let t = 0; t < watts.length; t++) {
    const entering = watts[t];
    if (entering !== null && entering !== undefined) {
      windowSum += entering;
      windowCount++;
    }
    const leaving = t >= NP_WINDOW_SECONDS ? watts[t - NP_WINDOW_SECONDS] : null;
    if (leaving !== null && leaving !== undefined) {
      windowSum -= leaving;
      windowCount--;
    }
    if (t >= NP_WINDOW_SECONDS - 1 && windowCount > 0) {
      const mean = Math.max(0, windowSum / windowCount);
      sumFourth += mean ** 4;
      rollingCount++;
    }
    // An empty window restarts the sum from exact 0, so float error cannot outlive a dropout.
    if (windowCount === 0) windowSum = 0;
  }
  return rollingCount ? (sumFourth / rollingCount) ** 0.25 : null;
}

export function intensityFactor(np: number | null, ftp: number | null | undefined): number | null {
  if (np === null || !Number.isFinite(np) || typeof ftp !== "number" || !(ftp > 0)) return null;
  return np / ftp;
}

/** TSS = (s × NP × IF) / (FTP × 3600) × 100, where s is the number of seconds with a power reading. */
export function trainingStressScore(input: { seconds: number; np: number | null; ftp: number | null | undefined }): number | null {
  const intensity = intensityFactor(input.np, input.ftp);
  if (intensity === null || input.np === null || typeof input.ftp !== "number" || !(input.seconds >= 0)) return null;
  return ((input.seconds * input.np * intensity) / (input.ftp * 3600)) * 100;
}

export interface PowerMetrics {
  averagePower: number | null;
  maxPower: number | null;
  normalizedPower: number | null;
  intensityFactor: number | null;
  tss: number | null;
  /** seconds covered by readings (non-null samples × interval) */
  secondsWithPower: number;
}

export function powerMetrics(values: readonly PowerSample[], opts: { intervalSeconds?: number; ftp?: number | null } = {}): PowerMetrics {
  const step = holdStep(opts.intervalSeconds ?? 1);
  const secondsWithPower = values.reduce<number>((n, v) => (reading(v) === null ? n : n + step), 0);
  const np = normalizedPower(values, step);
  return {
    averagePower: averagePower(values),
    maxPower: maxPower(values),
    normalizedPower: np,
    intensityFactor: intensityFactor(np, opts.ftp),
    tss: trainingStressScore({ seconds: secondsWithPower, np, ftp: opts.ftp }),
    secondsWithPower,
  };
}
