/** TrainingPeaks records as AutoCoach uses them: the athlete, their thresholds, and their workouts (planned or done). */

import type { Failure } from "@/lib/errors/result";

export interface TrainingPeaksAthlete {
  athleteId: string;
  firstName: string | null;
  lastName: string | null;
  name: string;
  email: string | null;
  timeZone: string | null;
  isPremium: boolean;
  preferredUnits: "metric" | "imperial";
  weightKg: number | null;
}

export interface Thresholds {
  ftpWatts: number | null;
  thresholdHr: number | null;
  maxHr: number | null;
  restingHr: number | null;
  /** metres per second */
  runThresholdSpeed: number | null;
}

export interface TrainingPeaksActivity {
  id: string;
  day: string;
  /**
   * TrainingPeaks datetimes have no zone: both start times are the athlete's local wall-clock time
   * ("2026-05-02T07:12:05"); convert with the profile's time zone before comparing instants.
   * `startTime` falls back to the planned start (for listing and sorting).
   */
  startTime: string | null;
  /** When the workout actually started (StartTime only, never the planned start); null until it is done. */
  startTimeLocal: string | null;
  title: string;
  type: string;
  /** done: TrainingPeaks says Completed, or it holds a recording (actual time, distance or measured figures) */
  completed: boolean;
  durationSeconds: number | null;
  plannedDurationSeconds: number | null;
  distanceMeters: number | null;
  tss: number | null;
  intensityFactor: number | null;
  avgPower: number | null;
  maxPower: number | null;
  normalizedPower: number | null;
  avgHeartRate: number | null;
  avgCadence: number | null;
  calories: number | null;
  /** The workout's page on TrainingPeaks (read-only `Url`), when TrainingPeaks sends one. */
  url: string | null;
}

/** A TrainingPeaks activity, with the AutoCoach workout it came from when we sent (or linked) it. */
export interface LinkedActivity extends TrainingPeaksActivity {
  autocoachWorkoutId: string | null;
}

export interface TrainingPeaksSummary {
  athlete: Pick<TrainingPeaksAthlete, "athleteId" | "name" | "email" | "timeZone" | "isPremium" | "preferredUnits" | "weightKg">;
  thresholds: Thresholds;
  fetchedAt: string;
  /** Set when TrainingPeaks could not be reached and these are the last known values. */
  staleBecause: Failure | null;
}

/** The summary, or why there is none (no snapshot yet and TrainingPeaks failed). */
export type TrainingPeaksSummaryResult = TrainingPeaksSummary | { error: Failure };

/** The state of the user's TrainingPeaks grant, as every page shows it. */
export interface TrainingPeaksConnectionState {
  status: "active" | "reauth_required" | "disconnected" | "missing";
  lastError: string | null;
  scope: string | null;
}

/** A range of TrainingPeaks activities; `unreadable` items TrainingPeaks sent that could not be read were left out. */
export interface LinkedActivityList {
  activities: LinkedActivity[];
  unreadable: number;
}

/** Whether AutoCoach may act on TrainingPeaks for the user; when not, what every page says (one wording everywhere). */
export function trainingPeaksAccess(state: TrainingPeaksConnectionState): { live: true } | { live: false; title: string; reason: string; detail: string } {
  if (state.status === "active") return { live: true };
  const why = state.status === "reauth_required" ? "TrainingPeaks no longer accepts AutoCoach's access (it expired or was revoked)." : "TrainingPeaks is not connected.";
  return {
    live: false,
    title: "Reconnect TrainingPeaks",
    /** why, alone (where something other than uploads is missing, e.g. the calendar's plans) */
    reason: why,
    detail: `${why} Auto-send and waiting uploads are paused, and nothing is sent until you reconnect. Your data is safe.`,
  };
}
