import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import type { ClassSegment, ClassTargets } from "@/lib/domain/targets";

/**
 * The contract between the workout detail page (builds WorkoutChartData on the server) and the chart components
 * (render it). Everything in WorkoutChartData is plain JSON: numbers, strings, arrays, no Dates, no classes.
 * Times are seconds since the first sample (TimeSpan convention: end exclusive).
 */
export interface WorkoutChartInput {
  discipline: string;
  /** decoded series */
  series: WorkoutSeries | null;
  /** per-user targets from the workout (preferred) or the class's */
  targets: ClassTargets | null;
  segments: ClassSegment[];
  /** FTP in force for this ride (Workout.ftp), for zone → watts */
  ftp: number | null;
  /** user's pace level 1–10 when known (to resolve pace intensities) */
  paceLevel?: number | null;
  heartRate: { maxHr: number | null; lthr: number | null };
  /** display budget per channel (default 1500 buckets → at most 3000 points) */
  maxPoints?: number;
}

/** Metrics that can carry class targets; "pace" is the tread pace or row split pace resolved from pace intensities. */
export type TargetMetric = "power" | "cadence" | "resistance" | "speed" | "incline" | "stroke_rate" | "pace";

export type PanelId = "power" | "cadence" | "resistance" | "stroke_rate" | "pace" | "split_pace" | "speed" | "incline" | "altitude" | "heart_rate";

export interface ChartTimeAxis {
  /** seconds of point 0 (always 0: the first sample) */
  start: number;
  /** seconds between source samples (the series' every_n) */
  step: number;
  /** points in every channel's values */
  count: number;
  /** null: point i sits at start + i·step. Downsampled: the second of each point */
  offsets: number[] | null;
  /** seconds the samples cover (samples × step): the x domain is [0, end] */
  end: number;
  /** source samples per display bucket (1 = full resolution) */
  bucket: number;
  /** round-minute tick positions */
  ticks: number[];
}

export interface ChannelStats {
  /** time-weighted mean of the readings (harmonic for pace: total time / distance); null without readings */
  avg: number | null;
  min: number | null;
  max: number | null;
  /** seconds with a reading / without one (null), at full resolution */
  dataSeconds: number;
  missingSeconds: number;
}

export interface ChartChannel {
  key: ChannelName;
  label: string;
  /** display unit: "W", "rpm", "%", "mph", "kph", "bpm", "min/mi", "min/500m", "spm", "ft", … */
  unit: string;
  decimals: number;
  /** decimal minutes per unit; lower is faster, drawn on a reversed axis */
  pace: boolean;
  /** aligned with the time axis; rounded to `decimals`; null = no reading (a gap) */
  values: (number | null)[];
  stats: ChannelStats;
}

export interface ComplianceTally {
  /** seconds of the series that have a target for this metric */
  targetSeconds: number;
  /** of those, seconds with a reading (the denominator) */
  dataSeconds: number;
  inSeconds: number;
  /** easier than the target (below the range; for pace: slower) */
  underSeconds: number;
  /** harder than the target (above the range; for pace: faster) */
  overSeconds: number;
  /** targeted seconds without a reading: neither in nor out */
  missingSeconds: number;
  /** inSeconds / dataSeconds × 100, one decimal; null when dataSeconds is 0 */
  inPct: number | null;
}

export interface MetricCompliance extends ComplianceTally {
  metric: TargetMetric;
  channel: ChannelName;
  label: string;
  unit: string;
}

export interface TargetBand {
  /** seconds, end exclusive, clipped to the time axis */
  start: number;
  end: number;
  /** drawn range in the channel's units (pace: decimal minutes, lower = faster) */
  lower: number;
  upper: number;
  /** "Z4 182–210 W", "80–90 rpm", "Moderate 8:30–9:02 /mi" */
  label: string;
  /** power zone colour 1–7 (the upper zone of a range) */
  zone: number | null;
  /** true when `upper` is only a display cap (Z7 has no upper bound) */
  openUpper: boolean;
  avg: number | null;
  dataSeconds: number;
  inSeconds: number;
}

export interface ZoneBand {
  /** "1", "2", … "5a" */
  id: string;
  name: string;
  /** drawn from lower to upper (contiguous with the next zone); `range` gives the zone's own bpm */
  lower: number;
  upper: number;
  /** "136–143 bpm", "< 136 bpm", "≥ 171 bpm" */
  range: string;
  /** "Z2 136–143 bpm" */
  label: string;
  /** colour token 1–7 (var(--z<tone>)) */
  tone: number;
  /** seconds in this zone at full resolution */
  seconds: number;
}

export interface ChartPanel {
  id: PanelId;
  title: string;
  channel: ChannelName;
  unit: string;
  /** the compliance metric its bands belong to */
  metric: TargetMetric | null;
  bands: TargetBand[];
  /** horizontal zone bands across the whole ride (heart rate) */
  zones: ZoneBand[];
  yDomain: [number, number];
  /** round tick values inside yDomain */
  yTicks: number[];
  /** pace: lower numbers (faster) at the top */
  reversed: boolean;
  /** text alternative for the chart (aria) */
  summary: string;
}

export interface SegmentMetricCompliance extends ComplianceTally {
  metric: TargetMetric;
}

export interface ChartSegment {
  name: string;
  kind: string;
  start: number;
  end: number;
  /** full-resolution averages of the channels with readings in the segment */
  averages: { channel: ChannelName; value: number }[];
  compliance: SegmentMetricCompliance[];
}

export interface PowerZoneInfo {
  ftp: number;
  zones: { zone: number; name: string; lower: number; upper: number | null; seconds: number }[];
}

export interface HeartRateZoneInfo {
  /** "lthr": Friel zones from lactate-threshold HR; "max_hr": % of max HR (<65, 65–75, 75–85, 85–95, ≥95) */
  method: "lthr" | "max_hr";
  /** the LTHR or max HR used */
  basis: number;
  zones: ZoneBand[];
}

export type ChartNoticeCode = "power_zones_without_ftp" | "pace_intensity_without_level" | "pace_intensity_without_table" | "no_series";

export interface ChartNotice {
  code: ChartNoticeCode;
  message: string;
}

export interface WorkoutChartData {
  discipline: string;
  time: ChartTimeAxis;
  channels: ChartChannel[];
  panels: ChartPanel[];
  segments: ChartSegment[];
  compliance: MetricCompliance[];
  power: PowerZoneInfo | null;
  heartRate: HeartRateZoneInfo | null;
  notices: ChartNotice[];
}
