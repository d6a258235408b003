import type { ThresholdKind, ThresholdSource, UnitsSetting } from "./thresholds";

/** Training-analytics shapes shared by the server, the pages and the charts (pure types). */

/** How a workout's score was computed: power TSS, running/rowing pace TSS, heart-rate TSS, or a per-hour estimate. */
export type ScoreMethod = "power" | "pace" | "heart_rate" | "estimate";

export interface WorkoutScore {
  /** training stress: 100 = one hour at threshold */
  tss: number;
  method: ScoreMethod;
  /** intensity factor against the threshold the method used; null for estimates */
  intensity: number | null;
  /** the threshold behind the score (rows: the rowing split, from which the threshold power follows); null for estimates */
  threshold: { kind: ThresholdKind; value: number; source: ThresholdSource | "activity" } | null;
  /** estimates: the score per hour charged for the discipline */
  perHour: number | null;
  /** seconds the score charges (with readings, or the workout's duration for an estimate) */
  seconds: number;
}

export const SCORE_METHOD_LABEL: Record<ScoreMethod, string> = {
  power: "Power TSS",
  pace: "Pace TSS",
  heart_rate: "Heart-rate TSS",
  estimate: "Estimated TSS",
};

/** Short tag after a score in lists (the power score needs none). */
export const SCORE_METHOD_TAG: Record<ScoreMethod, string> = { power: "", pace: "pace", heart_rate: "HR", estimate: "est." };

/** One day of the performance management chart. */
export interface PmcDay {
  day: string;
  /** the day's summed scores */
  load: number;
  /** fitness: 42-day exponentially weighted load */
  ctl: number;
  /** fatigue: 7-day exponentially weighted load */
  atl: number;
  /** form: yesterday's fitness minus yesterday's fatigue */
  tsb: number;
  /** fitness change over the last 7 days */
  ramp: number;
}

export interface FitnessToday {
  day: string;
  ctl: number;
  atl: number;
  tsb: number;
  ramp: number;
  /** workouts still waiting for a score (the numbers may still move) */
  pending: number;
}

/** A point of a mean-maximal curve: the best average over `seconds`, and the workout that set it. */
export interface CurvePoint {
  seconds: number;
  value: number;
  workoutId: string;
  day: string;
  title: string;
}

export interface BestEffort extends CurvePoint {
  label: string;
}

export interface FtpEstimate {
  watts: number;
  /** the model, named in the UI */
  model: "cp2" | "p20";
  label: string;
  /** critical-power model: W′ in joules */
  wPrimeJoules: number | null;
  /** the efforts it was computed from */
  fromSeconds: number[];
}

/** The rescoring / backfill job as the pages show it. */
export interface AnalyticsProgress {
  state: "idle" | "pending" | "running" | "failed";
  done: number;
  total: number;
  reason: string | null;
  error: string | null;
  updatedAt: string | null;
}

/** An FTP test ride and what it implies. */
export interface FtpTestRide {
  workoutId: string;
  day: string;
  title: string;
  /** 95 % of the ride's best 20 minutes */
  result: number;
  /** already in your FTP history from this ride */
  applied: boolean;
}

/** One attempt at a class taken more than once. */
export interface ClassAttempt {
  workoutId: string;
  day: string;
  outputKj: number | null;
  normalizedPower: number | null;
  avgHeartRate: number | null;
  /** time in target, percent */
  compliance: number | null;
  score: number | null;
  current: boolean;
}

/** A workout's analytics beyond its charts: its score, per-workout figures, the class's other attempts, a test result. */
export interface WorkoutInsights {
  score: WorkoutScore;
  /** the stored score (calendar, PMC) still reflects older thresholds: the job is rescoring */
  rescoring: boolean;
  analysis: WorkoutAnalysis;
  attempts: ClassAttempt[];
  ftpTest: (FtpTestRide & { currentFtp: number | null }) | null;
  units: UnitsSetting;
}

/**
 * Per-workout figures beyond the score (pure), on the same 1 Hz Activity the score uses:
 * - variability index: NP ÷ average power (1.00 steady; intervals run 1.1 and up);
 * - efficiency factor: NP ÷ average heart rate (rides), or normalized graded speed in m/min ÷ average heart rate
 *   (runs and walks), as TrainingPeaks defines it;
 * - aerobic decoupling (Pw:HR, or Pa:HR for pace): the efficiency of the first half of the readings over the second,
 *   (EF₁ − EF₂) ÷ EF₁; under 5 % on a steady endurance effort means the heart rate held with the work;
 * - work above FTP: for each second over FTP, the watts above it, summed (kJ), and the time spent there.
 * Averages use lib/metrics (power.ts, activity-summary.ts); heart rate counts positive readings only.
 */
export interface WorkoutAnalysis {
  variabilityIndex: number | null;
  efficiencyFactor: { value: number; basis: "power" | "pace" } | null;
  /** percent */
  aerobicDecoupling: number | null;
  workAboveFtpKj: number | null;
  secondsAboveFtp: number | null;
}
