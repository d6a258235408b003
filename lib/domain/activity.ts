import { AppError } from "@/lib/errors/app-error";
import type { ResolvedThresholds } from "./thresholds";

/**
 * The activity model shared by FIT decode/encode, TCX export, comparisons and the TrainingPeaks push (pure types).
 *
 * Everything is on a 1 Hz timeline: index i of every sample array is the second `startTime + i s`. A null is "no
 * reading" (sensor dropout, pause), never 0. Units are SI: watts, rpm, bpm, m/s, metres.
 */

/** FIT `sport` values we read and write (the SDK's string names). */
export type ActivitySport = "cycling" | "running" | "walking" | "rowing" | "training" | "fitnessEquipment" | "generic" | "multisport";

export interface ActivitySamples {
  power?: (number | null)[];
  cadence?: (number | null)[];
  heartRate?: (number | null)[];
  /** metres per second */
  speed?: (number | null)[];
  /** cumulative metres */
  distance?: (number | null)[];
  /** metres */
  altitude?: (number | null)[];
  /** percent; a treadmill's incline (Peloton Tread) or the road's slope */
  grade?: (number | null)[];
  /** GPS position in degrees (WGS84); outdoor workouts only */
  latitude?: (number | null)[];
  longitude?: (number | null)[];
}

/** Seconds since startTime [start, end) during which the timer was stopped (auto-pause, the rider pressed stop). */
export interface ActivityPause {
  start: number;
  end: number;
}

export interface ActivityLap {
  /** seconds since startTime, end exclusive */
  start: number;
  end: number;
  name: string | null;
}

/** Totals a device wrote into its session message (as recorded; we never trust them over the samples). */
/** Power figures a device, TrainingPeaks and we all give a ride. */
export interface PowerFigures {
  avgPower: number | null;
  maxPower: number | null;
  normalizedPower: number | null;
  intensityFactor: number | null;
  tss: number | null;
}

export interface RecordedSummary extends PowerFigures {
  totalTimerSeconds: number | null;
  totalElapsedSeconds: number | null;
  totalDistanceMeters: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadence: number | null;
  totalWorkKj: number | null;
  calories: number | null;
}

/** One leg of a multisport file (a FIT session): seconds since startTime [start, end), its sport and its own totals. */
export interface ActivitySession {
  start: number;
  end: number;
  sport: ActivitySport;
  subSport: string | null;
  recorded: RecordedSummary | null;
}

export interface Activity {
  startTime: Date;
  /** "multisport" when the sessions' sports differ (each leg keeps its own in `sessions`) */
  sport: ActivitySport;
  /** FIT sub_sport name, e.g. "indoorCycling", "treadmill", "indoorRowing", "virtualActivity"; null = generic */
  subSport: string | null;
  title: string | null;
  /** number of 1 Hz slots (every sample array has this length) */
  length: number;
  /** moving/timer time in seconds (excludes pauses); equals `length` for a ride without pauses */
  durationSeconds: number;
  samples: ActivitySamples;
  /** timer stops, in order; absent or empty when the timer ran throughout */
  pauses?: ActivityPause[];
  laps: ActivityLap[];
  /** functional threshold power in force for this activity (FIT zones_target), when known */
  ftp: number | null;
  /** the device's own session totals, when the file had a session message (a multisport file: the legs' sums) */
  recorded: RecordedSummary | null;
  /** the legs of a file with several sessions (bike, then run), in order; absent or one entry otherwise */
  sessions?: ActivitySession[];
  /** FIT manufacturer/product of the recording device, for display ("garmin edge1040", "development") */
  device: string | null;
  /** the Peloton discipline of a synced workout ("strength", "yoga", …): scoring is by discipline where sport is vague */
  discipline?: string | null;
  /** every threshold in force on the activity's day (lib/metrics/thresholds-at.ts); the score uses them */
  thresholds?: ResolvedThresholds | null;
}

/**
 * The figures compared between us and TrainingPeaks. This is the exact JSON contract of
 * `npm run tp -- compare --json` (`ours` and `trainingpeaks`), so keys must not change.
 */
export interface ComparisonMetrics extends PowerFigures {
  durationSeconds: number | null;
  distanceMeters: number | null;
  avgHeartRate: number | null;
  avgCadence: number | null;
  ftp: number | null;
}

export type FitFileErrorCode = "empty" | "too_large" | "not_fit" | "gzip" | "truncated" | "corrupt" | "no_records" | "too_slow" | "busy";

/** A file we could not read, as an AppError with a `fit.*` code; `message` is safe to show to the user as is. */
export function fitFileError(code: FitFileErrorCode, message: string, options?: { cause?: unknown }): AppError {
  return new AppError(`fit.${code}`, { message, cause: options?.cause });
}

/** Upload limit for FIT files (compressed or not); a 10-hour 1 Hz ride with every channel is ~3 MB. */
export const MAX_FIT_UPLOAD_BYTES = 25 * 1024 * 1024;
/**
 * Most bytes a .fit.gz may inflate to (gzip bombs): ten times the 10-hour ride above. A 466 KB bomb inflating to
 * 63 MB (7.9 million records) once froze the server for 25 s at 1.4 GB (docs/security.md).
 */
export const MAX_FIT_INFLATED_BYTES = 32 * 1024 * 1024;
/** Most FIT messages one file may hold: 100 hours of 1 Hz records plus their laps and events. */
export const MAX_FIT_MESSAGES = 400_000;
