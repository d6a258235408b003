import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Thresholds, TrainingPeaksActivity, TrainingPeaksAthlete } from "@/lib/domain/trainingpeaks";
import type { TpProfile, TpWorkout, TpZones } from "../api/schemas";

/** Pure mapping from TrainingPeaks JSON to AutoCoach's domain types. */

export function toAthlete(p: TpProfile): TrainingPeaksAthlete {
  const name = [p.FirstName, p.LastName].filter((s): s is string => Boolean(s?.trim())).join(" ") || `Athlete ${p.Id}`;
  return {
    athleteId: String(p.Id),
    firstName: p.FirstName ?? null,
    lastName: p.LastName ?? null,
    name,
    email: p.Email ?? null,
    timeZone: p.TimeZone ?? null,
    isPremium: p.IsPremium === true,
    preferredUnits: p.PreferredUnits?.toLowerCase() === "english" ? "imperial" : "metric",
    weightKg: p.Weight ?? null,
  };
}

const positive = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null);

function pickSport<T>(family: Record<string, T> | null | undefined, sports: string[]): T | undefined {
  if (!family) return undefined;
  const byLower = new Map(Object.entries(family).map(([k, v]) => [k.toLowerCase(), v]));
  for (const sport of sports) {
    const hit = byLower.get(sport.toLowerCase());
    if (hit) return hit;
  }
  return Object.values(family)[0];
}

/** FTP = PowerZones.Default(or Bike).Threshold; LTHR = HeartRateZones.Default.Threshold; run speed = SpeedZones.Run.Threshold. */
export function toThresholds(z: TpZones): Thresholds {
  const power = pickSport(z.PowerZones, ["Default", "Bike"]);
  const hr = pickSport(z.HeartRateZones, ["Default", "Bike", "Run"]);
  const speed = pickSport(z.SpeedZones, ["Run", "Default"]);
  const ftp = positive(power?.Threshold);
  const lthr = positive(hr?.Threshold);
  return {
    ftpWatts: ftp === null ? null : Math.round(ftp),
    thresholdHr: lthr === null ? null : Math.round(lthr),
    maxHr: positive(hr?.MaxHeartRate),
    restingHr: positive(hr?.RestingHeartRate),
    runThresholdSpeed: positive(speed?.Threshold),
  };
}

/** Only http(s) links are rendered as links: a `javascript:` Url from a compromised response must never be clickable. */
function safeUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
}

const present = (v: number | null | undefined) => typeof v === "number" && Number.isFinite(v);

/**
 * Whether TrainingPeaks holds a recording for the workout: an actual time or distance, or any measured figure (a basic
 * athlete gets the measured ones as null, but still the time). Planned workouts carry only the *Planned fields.
 */
function hasRecording(w: TpWorkout): boolean {
  if ((w.TotalTime ?? 0) > 0 || (w.Distance ?? 0) > 0) return true;
  return [w.PowerAverage, w.NormalizedPower, w.HeartRateAverage, w.CadenceAverage, w.VelocityAverage, w.TssActual].some(present);
}

const hoursToSeconds = (h: number | null | undefined): number | null => (typeof h === "number" && h > 0 ? Math.round(h * 3600) : null);

export function toActivity(w: TpWorkout): TrainingPeaksActivity {
  return {
    id: String(w.Id),
    day: w.WorkoutDay,
    startTime: w.StartTime ?? w.StartTimePlanned ?? null,
    startTimeLocal: w.StartTime ?? null,
    title: w.Title?.trim() || `${w.WorkoutType ?? "Workout"}`,
    type: w.WorkoutType ?? "Other",
    // a recorded file makes it done whatever `Completed` says: TrainingPeaks leaves it false on some uploads
    completed: w.Completed === true || hasRecording(w),
    durationSeconds: hoursToSeconds(w.TotalTime),
    plannedDurationSeconds: hoursToSeconds(w.TotalTimePlanned),
    distanceMeters: w.Distance ?? null,
    tss: w.TssActual ?? null,
    intensityFactor: w.IF ?? null,
    avgPower: w.PowerAverage ?? null,
    maxPower: w.PowerMaximum ?? null,
    normalizedPower: w.NormalizedPower ?? null,
    avgHeartRate: w.HeartRateAverage ?? null,
    avgCadence: w.CadenceAverage ?? null,
    calories: w.Calories ?? null,
    url: safeUrl(w.Url),
  };
}

/** Newest first, then by start time. */
export function sortActivities(list: TrainingPeaksActivity[]): TrainingPeaksActivity[] {
  return [...list].sort((a, b) => (b.startTime ?? b.day).localeCompare(a.startTime ?? a.day));
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Split an inclusive [start, end] day range into chunks of at most `maxDays` days (the API allows 45). */
export function splitDateRange(start: string, end: string, maxDays = 45): { start: string; end: string }[] {
  if (!ISO_DAY.test(start) || !ISO_DAY.test(end)) throw new RangeError("Dates must be YYYY-MM-DD");
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new AppError("input.invalid", { message: "Dates must be days as YYYY-MM-DD." });
  if (to < from) throw new AppError("input.invalid", { message: "The end date is before the start date." });
  const chunks: { start: string; end: string }[] = [];
  for (let s = from; s <= to; s += maxDays * DAY_MS) {
    const e = Math.min(to, s + (maxDays - 1) * DAY_MS);
    chunks.push({ start: new Date(s).toISOString().slice(0, 10), end: new Date(e).toISOString().slice(0, 10) });
  }
  return chunks;
}
