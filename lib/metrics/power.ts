/**
 * Power metrics from a sampled power series (pure): average, max, Normalized Power, Intensity Factor, TSS.
 *
 * Absence. A recording either has a power channel (at least one reading) or it has none (a run, an app ride without
 * output): then every figure is null, never 0 W. Inside a recording that has one, a second without a reading while
 * the timer runs counts as 0 W: head units leave the field out while the rider coasts and Peloton's own average
 * output is its total work over the ride's time, so both count those seconds as 0 W in their averages and NP.
 * (Dropping them, as this module once did, put NP 30 W above the device's on a hilly ride.) Every timer-running
 * second therefore has a power value, and TSS charges the whole timer-running time.
 *
 * Sample interval. Peloton's every_n > 1 samples each cover `every_n` seconds, so the series is upsampled to 1 Hz by
 * holding each value for its interval before the 30 s window runs. That keeps the window 30 s long; NP from 5 s data
 * is smoother (a little lower) than from 1 s data, which is inherent in the coarser samples.
 *
 * Pauses. Seconds in which the timer was stopped (auto-pause at a traffic light, the rider pressing stop) are not
 * part of the ride: they are cut out before anything is computed, so NP's 30 s rolling average runs over
 * timer-running time only (a window never straddles a pause with fewer readings in it) and average power is over
 * the timer time, as head units compute them.
 *
 * Warm-up of the window. As in Coggan's definition the first rolling value is taken once 30 s have elapsed (at the
 * 30th second), so a ride shorter than 30 s has no NP. Negative readings are 0 W; non-finite ones are no reading.
 */
export const NP_WINDOW_SECONDS = 30;

export type PowerSample = number | null | undefined;

/** A span of 1 Hz slots [start, end) with the timer stopped. */
export interface PauseSpan {
  start: number;
  end: number;
}

function reading(value: PowerSample): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value < 0 ? 0 : value;
}

function holdStep(intervalSeconds: number): number {
  return Number.isFinite(intervalSeconds) && intervalSeconds >= 1 ? Math.round(intervalSeconds) : 1;
}

/** The series at 1 Hz: each sample held for its interval (no reading stays null). */
export function toOneHz(values: readonly PowerSample[], intervalSeconds = 1): (number | null)[] {
  const step = holdStep(intervalSeconds);
  const out: (number | null)[] = new Array<number | null>(values.length * step);
  if (step === 1) for (let i = 0; i < values.length; i++) out[i] = reading(values[i]);
  else for (let i = 0; i < values.length; i++) out.fill(reading(values[i]), i * step, (i + 1) * step);
  return out;
}

/** 1 Hz slots with the timer stopped, or null when nothing is paused. */
export function pausedSlots(length: number, pauses: readonly PauseSpan[] | undefined): Uint8Array | null {
  if (!pauses?.length) return null;
  const paused = new Uint8Array(length);
  for (const pause of pauses) paused.fill(1, Math.max(0, Math.round(pause.start)), Math.min(length, Math.round(pause.end)));
  return paused;
}

/**
 * The watts of every timer-running second at 1 Hz (paused seconds cut out), a second without a reading as 0 W; null
 * when the series has no reading at all (no power channel).
 */
export function runningWatts(values: readonly PowerSample[], intervalSeconds = 1, pauses?: readonly PauseSpan[]): number[] | null {
  // toOneHz and the cut in one pass: this runs for every figure and score of every workout.
  const step = holdStep(intervalSeconds);
  let any = false;
  for (let i = 0; i < values.length && !any; i++) any = reading(values[i]) !== null;
  if (!any) return null;
  const length = values.length * step;
  const paused = pausedSlots(length, pauses);
  if (!paused) {
    const out = new Array<number>(length);
    for (let i = 0; i < values.length; i++) {
      const watts = reading(values[i]) ?? 0;
      for (let k = 0; k < step; k++) out[i * step + k] = watts;
    }
    return out;
  }
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const watts = reading(values[i]) ?? 0;
    for (let k = 0; k < step; k++) if (!paused[i * step + k]) out.push(watts);
  }
  return out;
}

function meanOf(watts: readonly number[] | null): number | null {
  if (!watts?.length) return null;
  let sum = 0;
  for (const w of watts) sum += w;
  return sum / watts.length;
}

function npOf(watts: readonly number[] | null): number | null {
  if (!watts || watts.length < NP_WINDOW_SECONDS) return null;
  let windowSum = 0;
  let sumFourth = 0;
  let rollingCount = 0;
  for (let t = 0; t < watts.length; t++) {
    windowSum += watts[t] ?? 0;
    if (t >= NP_WINDOW_SECONDS) windowSum -= watts[t - NP_WINDOW_SECONDS] ?? 0;
    if (t >= NP_WINDOW_SECONDS - 1) {
      // x² squared, not x ** 4: V8 sends a non-integer base through its generic pow(), which cost more than the rest
      // of the loop put together (the two differ at most in the last bit of a double).
      const mean = windowSum > 0 ? windowSum / NP_WINDOW_SECONDS : 0;
      const square = mean * mean;
      sumFourth += square * square;
      rollingCount++;
    }
  }
  return (sumFourth / rollingCount) ** 0.25;
}

/** Mean watts over the timer-running seconds (see the absence rule above). */
export function averagePower(values: readonly PowerSample[], intervalSeconds = 1, pauses?: readonly PauseSpan[]): number | null {
  return meanOf(runningWatts(values, intervalSeconds, pauses));
}

export function maxPower(values: readonly PowerSample[]): number | null {
  let max: number | null = null;
  for (const value of values) {
    const watts = reading(value);
    if (watts !== null && (max === null || watts > max)) max = watts;
  }
  return max;
}

/** NP: 4th root of the mean 4th power of the 30 s rolling average of runningWatts (pauses cut out). */
export function normalizedPower(values: readonly PowerSample[], intervalSeconds = 1, pauses?: readonly PauseSpan[]): number | null {
  return npOf(runningWatts(values, intervalSeconds, pauses));
}

export function intensityFactor(np: number | null, ftp: number | null | undefined): number | null {
  if (np === null || !Number.isFinite(np) || typeof ftp !== "number" || !(ftp > 0)) return null;
  return np / ftp;
}

/** TSS = (s × NP × IF) / (FTP × 3600) × 100, where s is the timer-running seconds of a recording with power. */
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
  /** timer-running seconds of a recording with power (0 without any reading) */
  secondsWithPower: number;
}

export function powerMetrics(
  values: readonly PowerSample[],
  opts: { intervalSeconds?: number; ftp?: number | null; pauses?: readonly PauseSpan[] } = {},
): PowerMetrics {
  const step = holdStep(opts.intervalSeconds ?? 1);
  // One pass to 1 Hz running watts serves the seconds, NP and the average.
  const watts = runningWatts(values, step, opts.pauses);
  const seconds = watts?.length ?? 0;
  const np = npOf(watts);
  return {
    averagePower: meanOf(watts),
    maxPower: maxPower(values),
    normalizedPower: np,
    intensityFactor: intensityFactor(np, opts.ftp),
    tss: trainingStressScore({ seconds, np, ftp: opts.ftp }),
    secondsWithPower: seconds,
  };
}
