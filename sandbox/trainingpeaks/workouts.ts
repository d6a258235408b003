import type { SeedAthlete } from "./athletes";
import { formatLocalDateTime, formatUtcTicks, localToUtc } from "./dates";
import { blankWorkout, type TpWorkout } from "./workout-object";
import type { SessionTemplate, Sport } from "./workout-templates";

export type { TpWorkout } from "./workout-object";

export type WorkoutStatus = "completed" | "planned";

export interface WorkoutSeed {
  id: number;
  athlete: SeedAthlete;
  day: number;
  startSecond: number;
  template: SessionTemplate;
  status: WorkoutStatus;
  /** A completed workout that was also planned carries the planned fields too. */
  withPlan: boolean;
  url: string;
}

const between = (rng: () => number, [min, max]: readonly [number, number]) => min + (max - min) * rng();
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Steady-state speed (m/s) on flat ground for a power, rider + bike mass; bisection on the power equation. */
export function speedForPower(watts: number, massKg: number): number {
  const powerAt = (v: number) => 0.5 * 1.2 * 0.32 * v ** 3 + 0.005 * massKg * 9.81 * v;
  let lo = 0;
  let hi = 30;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (powerAt(mid) < watts) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const FILE_FORMATS: Record<Sport, string[]> = { Bike: ["fit", "zwo", "erg", "mrc", "json"], Run: ["fit", "json"], Strength: [] };

function emptyWorkout(seed: WorkoutSeed): TpWorkout {
  return blankWorkout({
    Id: seed.id,
    AthleteId: seed.athlete.id,
    WorkoutDay: formatLocalDateTime(seed.day, 0),
    Title: seed.template.title,
    Description: seed.template.description,
    Url: seed.url,
    WorkoutType: seed.template.sport,
  });
}

function applyPlan(w: TpWorkout, seed: WorkoutSeed, rng: () => number): void {
  const { athlete, template } = seed;
  const minutes = Math.round(between(rng, template.minutes) / 5) * 5;
  const seconds = minutes * 60;
  const intensity = round((template.intensity[0] + template.intensity[1]) / 2, 2);
  w.StartTimePlanned = formatLocalDateTime(seed.day, seed.startSecond);
  w.TotalTimePlanned = minutes / 60;
  w.TssPlanned = round((seconds / 3600) * intensity ** 2 * 100, 1);
  w.IFPlanned = intensity;
  w.WorkoutFileFormats = FILE_FORMATS[template.sport];
  if (template.sport === "Bike") {
    w.EnergyPlanned = round((intensity * athlete.ftp * 0.95 * seconds) / 1000);
    if (!template.indoor) w.DistancePlanned = round(speedForPower(intensity * athlete.ftp * 0.9, athlete.weightKg + 9) * 0.9 * seconds, -2);
  } else if (template.sport === "Run") {
    w.DistancePlanned = round(athlete.runThresholdSpeed * intensity * seconds, -2);
  }
}

function applyActuals(w: TpWorkout, seed: WorkoutSeed, rng: () => number): number {
  const { athlete, template } = seed;
  const seconds = template.indoor
    ? Math.round(template.minutes[0] * 60 + between(rng, [20, 80]))
    : Math.round(between(rng, template.minutes) * 60);
  const hours = seconds / 3600;
  const intensity = between(rng, template.intensity);
  const lthr = template.sport === "Run" ? athlete.runThresholdHr : athlete.thresholdHr;
  const hrAverage = Math.round(lthr * (0.2 + 0.85 * intensity) + between(rng, [-3, 3]));
  w.StartTime = formatLocalDateTime(seed.day, seed.startSecond);
  w.Completed = true;
  w.TotalTime = hours;
  w.HeartRateAverage = hrAverage;
  w.HeartRateMinimum = Math.round(athlete.restingHr + between(rng, [18, 35]));
  w.HeartRateMaximum = Math.min(athlete.maxHr, Math.round(hrAverage + between(rng, [12, 28])));
  if (rng() < 0.5) {
    w.Rpe = Math.max(1, Math.min(10, Math.round(intensity * 10 - 1 + between(rng, [-1, 1]))));
    w.Feeling = Math.round(between(rng, [2, 5]));
  }
  if (template.sport === "Bike") {
    const normalized = Math.round(intensity * athlete.ftp);
    const average = Math.round(normalized / between(rng, template.variability ?? [1.02, 1.05]));
    const factor = normalized / athlete.ftp;
    const cadence = Math.round(between(rng, template.indoor ? [84, 95] : [80, 90]));
    const speed = speedForPower(average, athlete.weightKg + 9) * (template.indoor ? 1 : 0.9);
    w.NormalizedPower = normalized;
    w.PowerAverage = average;
    w.PowerMaximum = Math.round(normalized * between(rng, [1.5, 2.6]));
    w.IF = round(factor, 2);
    w.TssActual = round(hours * factor ** 2 * 100, 1);
    w.TssCalculationMethod = "Power";
    w.Energy = round((average * seconds) / 1000, 1);
    w.Calories = Math.round(w.Energy * between(rng, [0.95, 1.08]));
    w.CadenceAverage = cadence;
    w.CadenceMaximum = Math.round(cadence + between(rng, [18, 35]));
    w.TorqueAverage = round(average / ((2 * Math.PI * cadence) / 60), 1);
    w.TorqueMaximum = round(w.TorqueAverage * between(rng, [2, 3.2]), 1);
    w.VelocityAverage = round(speed, 2);
    w.VelocityMaximum = round(speed * between(rng, [1.3, 1.8]), 2);
    w.Distance = round(speed * seconds, 1);
  } else if (template.sport === "Run") {
    const normalizedSpeed = athlete.runThresholdSpeed * intensity;
    const speed = normalizedSpeed * between(rng, [0.96, 0.995]);
    const cadence = Math.round(between(rng, [84, 92]));
    w.NormalizedSpeed = round(normalizedSpeed, 2);
    w.VelocityAverage = round(speed, 2);
    w.VelocityMaximum = round(normalizedSpeed * between(rng, [1.2, 1.45]), 2);
    w.Distance = round(speed * seconds, 1);
    w.IF = round(intensity, 2);
    w.TssActual = round(hours * intensity ** 2 * 100, 1);
    w.TssCalculationMethod = "Pace";
    w.Calories = Math.round(athlete.weightKg * (w.Distance / 1000) * between(rng, [0.95, 1.05]));
    w.CadenceAverage = cadence;
    w.CadenceMaximum = Math.round(cadence + between(rng, [6, 14]));
  } else {
    const factor = hrAverage / lthr;
    w.IF = round(factor, 2);
    w.TssActual = round(hours * factor ** 2 * 100, 1);
    w.TssCalculationMethod = "HeartRate";
    w.Calories = Math.round((seconds / 60) * between(rng, [5, 7.5]));
  }
  if (!template.indoor && w.Distance !== null) {
    const gain = Math.round((w.Distance / 1000) * between(rng, template.sport === "Run" ? [4, 12] : [6, 16]));
    const minimum = Math.round(athlete.homeElevation + between(rng, [-15, 15]));
    w.ElevationGain = gain;
    w.ElevationLoss = Math.round(gain * between(rng, [0.95, 1.05]));
    w.ElevationMinimum = minimum;
    w.ElevationMaximum = Math.round(minimum + gain * between(rng, [0.25, 0.5]));
    w.ElevationAverage = Math.round((minimum + w.ElevationMaximum) / 2);
    const temp = between(rng, [4, 24]);
    w.TempMin = round(temp - between(rng, [1, 4]), 1);
    w.TempAvg = round(temp, 1);
    w.TempMax = round(temp + between(rng, [1, 6]), 1);
  }
  return seconds;
}

/** A complete workout from its seed; every random draw comes from `rng` (seeded per athlete and day). */
export function buildWorkout(seed: WorkoutSeed, rng: () => number): TpWorkout {
  const w = emptyWorkout(seed);
  const tz = seed.athlete.timeZone;
  if (seed.status === "planned" || seed.withPlan) applyPlan(w, seed, rng);
  const ticks = rng() * 10_000_000;
  if (seed.status === "completed") {
    const seconds = applyActuals(w, seed, rng);
    const uploadedAt = localToUtc(seed.day, seed.startSecond + seconds, tz) + between(rng, [2, 40]) * 60_000;
    w.LastModifiedDate = formatUtcTicks(uploadedAt, ticks);
  } else {
    w.LastModifiedDate = formatUtcTicks(localToUtc(seed.day - 12, 20 * 3600 + Math.round(rng() * 3600), tz), ticks);
  }
  return w;
}
