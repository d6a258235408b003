import type { Activity, Sample } from "./activity";
import type { SeedAthlete } from "./athletes";
import type { TpWorkout, WorkoutType } from "./workout-object";

/** The workout fields TrainingPeaks computes from an uploaded file. */
export type FileMetrics = Pick<
  TpWorkout,
  | "TotalTime" | "Distance" | "TssActual" | "TssCalculationMethod" | "IF" | "Calories" | "Energy"
  | "HeartRateAverage" | "HeartRateMinimum" | "HeartRateMaximum" | "PowerAverage" | "PowerMaximum" | "NormalizedPower"
  | "VelocityAverage" | "VelocityMaximum" | "NormalizedSpeed" | "CadenceAverage" | "CadenceMaximum"
  | "ElevationGain" | "ElevationLoss" | "ElevationMinimum" | "ElevationAverage" | "ElevationMaximum" | "TempMin" | "TempAvg" | "TempMax"
>;

/** Coggan's rolling window for normalized power, in seconds. */
export const NP_WINDOW_SECONDS = 30;
/** Gaps up to this long (smart recording) hold the previous value; longer gaps are a stop and count as 0 W. */
const MAX_HOLD_SECONDS = 5;
/** Samples later than this after the first are ignored for power (a corrupt timestamp must not allocate years). */
const MAX_SPAN_SECONDS = 7 * 86_400;

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: readonly number[]) => values.reduce((total, value) => total + value, 0) / values.length;
// reduce, not Math.max(...values): a long ride has more samples than a call can take arguments.
const maxOf = (values: readonly number[]) => values.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY);
const minOf = (values: readonly number[]) => values.reduce((min, value) => Math.min(min, value), Number.POSITIVE_INFINITY);

function channel(samples: readonly Sample[], pick: (sample: Sample) => number | undefined, keep: (value: number) => boolean = () => true): number[] {
  const values: number[] = [];
  for (const sample of samples) {
    const value = pick(sample);
    if (value !== undefined && keep(value)) values.push(value);
  }
  return values;
}

/** Power resampled to 1 Hz by record timestamp (the last record in a second wins). */
export function powerAt1Hz(samples: readonly Sample[]): number[] {
  const first = samples[0];
  if (!first) return [];
  const slots: (number | undefined)[] = [];
  for (const sample of samples) {
    const second = Math.round((sample.t - first.t) / 1000);
    if (sample.power !== undefined && second <= MAX_SPAN_SECONDS) slots[second] = sample.power;
  }
  const series: number[] = [];
  let held = 0;
  let heldAt = Number.NEGATIVE_INFINITY;
  for (let second = 0; second < slots.length; second++) {
    const value = slots[second];
    if (value !== undefined) [held, heldAt] = [value, second];
    series.push(value ?? (second - heldAt <= MAX_HOLD_SECONDS ? held : 0));
  }
  return series;
}

/**
 * Classic Coggan normalized power: the 30 s rolling mean of 1 Hz power (windows ending at seconds 30, 31, …),
 * each raised to the 4th power, averaged, 4th root. A file shorter than one window uses its plain mean.
 */
export function normalizedPower(series: readonly number[]): number | null {
  if (series.length === 0) return null;
  if (series.length < NP_WINDOW_SECONDS) return mean(series);
  let windowSum = 0;
  let fourthPowers = 0;
  let windows = 0;
  series.forEach((watts, second) => {
    windowSum += watts - (second >= NP_WINDOW_SECONDS ? (series[second - NP_WINDOW_SECONDS] ?? 0) : 0);
    if (second < NP_WINDOW_SECONDS - 1) return;
    fourthPowers += (windowSum / NP_WINDOW_SECONDS) ** 4;
    windows += 1;
  });
  return (fourthPowers / windows) ** 0.25;
}

function summary(values: readonly number[], digits = 0) {
  if (values.length === 0) return { average: null, minimum: null, maximum: null };
  return { average: round(mean(values), digits), minimum: round(minOf(values), digits), maximum: round(maxOf(values), digits) };
}

function elevation(samples: readonly Sample[]): Pick<FileMetrics, "ElevationGain" | "ElevationLoss" | "ElevationMinimum" | "ElevationAverage" | "ElevationMaximum"> {
  const altitudes = channel(samples, (sample) => sample.altitude);
  let [gain, loss] = [0, 0];
  altitudes.forEach((altitude, index) => {
    const change = altitude - (altitudes[index - 1] ?? altitude);
    if (change > 0) gain += change;
    else loss -= change;
  });
  const { average, minimum, maximum } = summary(altitudes);
  const moved = altitudes.length > 1;
  return { ElevationGain: moved ? round(gain) : null, ElevationLoss: moved ? round(loss) : null, ElevationMinimum: minimum, ElevationAverage: average, ElevationMaximum: maximum };
}

/** What TrainingPeaks shows for an uploaded file: totals, averages and a TSS by power, else pace (runs), else heart rate. */
export function computeFileMetrics(activity: Activity, athlete: SeedAthlete, type: WorkoutType): FileMetrics {
  const { samples } = activity;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const spanSeconds = first && last ? (last.t - first.t) / 1000 : 0;
  const seconds = activity.timerSeconds ?? spanSeconds;
  const hours = seconds / 3600;
  const power = powerAt1Hz(samples);
  const hasPower = power.some((watts) => watts > 0);
  const np = hasPower ? normalizedPower(power) : null;
  const heartRate = summary(channel(samples, (sample) => sample.heartRate, (bpm) => bpm > 0));
  const cadence = channel(samples, (sample) => sample.cadence, (rpm) => rpm > 0);
  const speeds = channel(samples, (sample) => sample.speed);
  const distance = activity.distance ?? channel(samples, (sample) => sample.distance).at(-1) ?? null;
  const velocity = distance !== null && seconds > 0 ? distance / seconds : speeds.length > 0 ? mean(speeds) : null;
  const energy = hasPower ? round(power.reduce((total, watts) => total + watts, 0) / 1000, 1) : null;
  const temperature = summary(channel(samples, (sample) => sample.temperature), 1);

  let factor: number | null = null;
  let method: string | null = null;
  if (np !== null) [factor, method] = [np / athlete.ftp, "Power"];
  else if (type === "Run" && velocity !== null && velocity > 0) [factor, method] = [velocity / athlete.runThresholdSpeed, "Pace"];
  else if (heartRate.average !== null) [factor, method] = [heartRate.average / (type === "Run" ? athlete.runThresholdHr : athlete.thresholdHr), "HeartRate"];

  return {
    TotalTime: seconds > 0 ? hours : null,
    Distance: distance === null ? null : round(distance, 2),
    TssActual: factor === null || seconds <= 0 ? null : round(hours * factor ** 2 * 100, 1),
    TssCalculationMethod: method,
    IF: factor === null ? null : round(factor, 2),
    Calories: activity.calories ?? (energy === null ? null : Math.round(energy)),
    Energy: energy,
    HeartRateAverage: heartRate.average,
    HeartRateMinimum: heartRate.minimum,
    HeartRateMaximum: heartRate.maximum,
    PowerAverage: hasPower ? Math.round(mean(power)) : null,
    PowerMaximum: hasPower ? maxOf(channel(samples, (sample) => sample.power)) : null,
    NormalizedPower: np === null ? null : round(np, 1),
    VelocityAverage: velocity === null ? null : round(velocity, 2),
    VelocityMaximum: speeds.length > 0 ? round(maxOf(speeds), 2) : null,
    NormalizedSpeed: method === "Pace" && velocity !== null ? round(velocity, 2) : null,
    CadenceAverage: cadence.length > 0 ? Math.round(mean(cadence)) : null,
    CadenceMaximum: cadence.length > 0 ? maxOf(cadence) : null,
    ...elevation(samples),
    TempMin: temperature.minimum,
    TempAvg: temperature.average,
    TempMax: temperature.maximum,
  };
}
