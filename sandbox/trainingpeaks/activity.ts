import type { WorkoutType } from "./workout-object";

/** One recorded sample; absent channels are undefined. */
export interface Sample {
  /** Epoch milliseconds. */
  t: number;
  power?: number;
  heartRate?: number;
  cadence?: number;
  /** m/s */
  speed?: number;
  /** Cumulative metres. */
  distance?: number;
  altitude?: number;
  temperature?: number;
}

/** What the simulator reads from an uploaded activity file, whatever its format. */
export interface Activity {
  format: "fit" | "tcx";
  /** The file's sport as a workout type; null when the file does not say. */
  sport: WorkoutType | null;
  /** Epoch milliseconds of the start; null when the file has no timestamps. */
  startMs: number | null;
  /** Moving (timer) time from the file's summary (FIT session, TCX laps); null to derive it from the samples. */
  timerSeconds: number | null;
  /** Totals from the file's summary, when it has one. */
  distance: number | null;
  calories: number | null;
  samples: Sample[];
}

export type DecodeResult = { ok: true; activity: Activity } | { ok: false; status: 400 | 415; message: string };

export const decodeFailure = (status: 400 | 415, message: string): DecodeResult => ({ ok: false, status, message });
