/**
 * Thresholds over time and the analytics settings (pure types, owned by no provider). Every workout is scored with the
 * thresholds in force on its local day (lib/metrics/thresholds-at.ts decides which).
 */

/** What a dated threshold measures. Units: W, bpm, m/s (run threshold speed), seconds per 500 m (rowing split). */
export type ThresholdKind = "ftp" | "threshold_hr" | "max_hr" | "resting_hr" | "run_pace" | "row_split";

export const THRESHOLD_KINDS: readonly ThresholdKind[] = ["ftp", "threshold_hr", "max_hr", "resting_hr", "run_pace", "row_split"];

/** Where a dated value came from: typed by the user, an FTP test ride, or read from a provider. */
export type ThresholdSource = "manual" | "ftp_test" | "peloton" | "trainingpeaks";

export interface ThresholdEntry {
  id: string;
  kind: ThresholdKind;
  /** in the kind's unit (see ThresholdKind) */
  value: number;
  /** the local day (YYYY-MM-DD) it applies from, until the next value of the same kind and source */
  effectiveFrom: string;
  source: ThresholdSource;
  /** the ride that set it (an FTP test, or the first Peloton ride with this FTP) */
  workoutId: string | null;
}

/** Which FTP history scores rides: Peloton's (the FTP each ride was taken with), TrainingPeaks', or the user's own. */
export type FtpSourceSetting = "peloton" | "trainingpeaks" | "manual";

export const FTP_SOURCE_SETTINGS: readonly FtpSourceSetting[] = ["peloton", "trainingpeaks", "manual"];

export type UnitsSetting = "metric" | "imperial";

export interface AnalyticsSettings {
  units: UnitsSetting;
  /** IANA zone that days (calendar, PMC, threshold dates) are counted in */
  timeZone: string;
  /** true when the user chose the zone; false when it comes from TrainingPeaks or defaults to UTC */
  timeZoneChosen: boolean;
  /** the zone of the TrainingPeaks profile, followed when the user chose none */
  providerTimeZone: string | null;
  ftpSource: FtpSourceSetting;
}

/** One threshold as it applies to a workout, with where it came from (shown next to every score). */
export interface ResolvedThreshold {
  value: number;
  source: ThresholdSource;
  /** the day the value applies from; later than the workout's day when an earlier workout borrows the first value */
  effectiveFrom: string;
  /** the FTP source setting had no value for this day and another source stood in */
  fallback: boolean;
}

export interface ResolvedThresholds {
  ftp: ResolvedThreshold | null;
  thresholdHr: ResolvedThreshold | null;
  maxHr: ResolvedThreshold | null;
  restingHr: ResolvedThreshold | null;
  /** m/s */
  runPace: ResolvedThreshold | null;
  /** seconds per 500 m */
  rowSplit: ResolvedThreshold | null;
}

export const NO_THRESHOLDS: ResolvedThresholds = { ftp: null, thresholdHr: null, maxHr: null, restingHr: null, runPace: null, rowSplit: null };

export const THRESHOLD_LABEL: Record<ThresholdKind, string> = {
  ftp: "FTP",
  threshold_hr: "Threshold heart rate",
  max_hr: "Max heart rate",
  resting_hr: "Resting heart rate",
  run_pace: "Threshold run pace",
  row_split: "Rowing threshold split",
};

export const THRESHOLD_SOURCE_LABEL: Record<ThresholdSource, string> = {
  manual: "you",
  ftp_test: "FTP test",
  peloton: "Peloton",
  trainingpeaks: "TrainingPeaks",
};

export const FTP_SOURCE_LABEL: Record<FtpSourceSetting, string> = {
  peloton: "Peloton",
  trainingpeaks: "TrainingPeaks",
  manual: "Manual",
};

/** Plausible ranges for typed values (the settings form and the action both check them). */
export const THRESHOLD_LIMITS: Record<ThresholdKind, { min: number; max: number }> = {
  ftp: { min: 50, max: 700 },
  threshold_hr: { min: 80, max: 230 },
  max_hr: { min: 100, max: 240 },
  resting_hr: { min: 25, max: 120 },
  // 10:00 /km … 2:30 /km
  run_pace: { min: 1000 / 600, max: 1000 / 150 },
  // 3:30 … 1:15 per 500 m
  row_split: { min: 75, max: 210 },
};
