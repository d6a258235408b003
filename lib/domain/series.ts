/** The 1-second sample channels of a workout as stored (owned by no provider). */

/** Sample channels we store; values may be null (gaps) and are never dropped. */
export type ChannelName =
  | "output"
  | "cadence"
  | "resistance"
  | "speed"
  | "heart_rate"
  | "pace"
  | "incline"
  | "altitude"
  | "stroke_rate"
  | "split_pace"
  | "distance"
  /** outdoor GPS track, degrees (WGS84) */
  | "latitude"
  | "longitude";

export interface WorkoutSeries {
  /** seconds between samples (every_n) */
  intervalSeconds: number;
  /** seconds_since_pedaling_start of the first sample */
  firstOffset: number;
  length: number;
  channels: Partial<Record<ChannelName, (number | null)[]>>;
  /** display units as Peloton sent them, e.g. { speed: "mph", pace: "min/mi" } */
  units: Partial<Record<ChannelName, string>>;
}
