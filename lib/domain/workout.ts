import type { WorkoutSeries } from "./series";
import type { ClassSegment, ClassTargets } from "./targets";

/**
 * AutoCoach's domain shapes for synced Peloton workouts: the contract between the pure transform
 * (Peloton JSON → these) and the sync engine (these → database rows). No I/O here.
 */

/** Peloton `fitness_discipline` values we know (docs/peloton-api.md §6); anything else is kept as its raw slug. */
export type Discipline =
  | "cycling"
  | "running"
  | "walking"
  | "caesar" // rowing
  | "strength"
  | "yoga"
  | "meditation"
  | "stretching"
  | "cardio"
  | "bike_bootcamp"
  | "caesar_bootcamp"
  | "circuit"
  | (string & {});

export interface InstructorRecord {
  pelotonId: string;
  name: string;
  imageUrl: string | null;
  disciplines: string[];
  bio: string | null;
}

export interface RideRecord {
  pelotonRideId: string;
  title: string;
  description: string | null;
  durationSeconds: number;
  /** seconds between the class video start and the first pedaling sample (usually 60) */
  pedalingStartOffset: number;
  difficulty: number | null;
  instructorId: string | null;
  discipline: Discipline;
  classTypes: string[];
  isPowerZone: boolean;
  isFtpTest: boolean;
  imageUrl: string | null;
  originalAirTime: Date | null;
  segments: ClassSegment[];
  targets: ClassTargets;
  /** distance-based classes (ride.is_fixed_distance): the distance to cover, in the ride's unit */
  fixedDistance?: { value: number; unit: string | null } | null;
}

export type WorkoutStatus = "COMPLETE" | "IN_PROGRESS" | (string & {});

export interface WorkoutRecord {
  pelotonWorkoutId: string;
  /** null for "Just Ride"/free mode (the all-zero ride id) or when Peloton sends no class */
  pelotonRideId: string | null;
  status: WorkoutStatus;
  discipline: Discipline;
  title: string;
  /** class instructor (null for free rides); ids are Peloton instructor ids */
  instructorId: string | null;
  startTime: Date;
  endTime: Date | null;
  timezone: string | null;
  /** actual seconds from start to end (or of the samples while IN_PROGRESS) */
  durationSeconds: number | null;
  /** FTP the user had going into the workout (ftp_info), with its source */
  ftp: number | null;
  ftpSource: string | null;
  leaderboardRank: number | null;
  leaderboardTotal: number | null;
  isOutdoor: boolean;
  deviceType: string | null;
  workoutType: string | null;
}

export interface MetricStat {
  avg: number | null;
  max: number | null;
}

export interface WorkoutSummary {
  totalOutputKj: number | null;
  distance: number | null;
  distanceUnit: string | null;
  calories: number | null;
  elevation: number | null;
  output: MetricStat;
  cadence: MetricStat;
  resistance: MetricStat;
  /** speed in the unit Peloton displays (mph or kph); see speedUnit */
  speed: MetricStat;
  speedUnit: string | null;
  heartRate: MetricStat;
  /**
   * Peloton's own averages and maxima where AutoCoach computes its own from the samples (output, cadence, heart
   * rate); shown beside ours when they differ (docs/peloton-api.md §5.6.1). null when unknown (older syncs).
   */
  peloton?: { output: MetricStat; cadence: MetricStat; heartRate: MetricStat } | null;
  /** output, cadence, heart rate (avg/max) and NP/IF/TSS are computed by AutoCoach from the samples (activityFigures) */
  normalizedPower: number | null;
  intensityFactor: number | null;
  tss: number | null;
  ftpUsed: number | null;
}

/** Everything one synced workout produces. */
export interface TransformedWorkout {
  workout: WorkoutRecord;
  summary: WorkoutSummary;
  series: WorkoutSeries | null;
  /** segments from the performance graph (present even for workouts whose class details are unavailable) */
  segments: ClassSegment[];
  /**
   * class targets as the performance graph reports them (target_metrics_performance_data, or the older
   * target_performance_metrics), falling back to the ride details' targets; null without a class plan
   */
  targets?: ClassTargets | null;
}
