import "server-only";
import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import type { ClassSegment } from "@/lib/domain/targets";
import { tileLaps } from "./laps";
import { integrateSpeed } from "@/lib/metrics/activity-summary";
import type { Activity, ActivitySamples, ActivitySport } from "@/lib/domain/activity";
import type { ResolvedThresholds } from "@/lib/domain/thresholds";

/**
 * A synced Peloton workout → Activity (pure), for FIT/TCX export and comparisons.
 *
 * Timeline. Peloton sample i sits at firstOffset + i·every_n seconds after pedaling start and stands for the
 * every_n seconds up to it, so it is held for every_n 1 Hz slots (as lib/metrics/power.ts's toOneHz does); slot 0 is
 * pedaling start (= startTime), where segments are measured from too. A firstOffset beyond one interval (samples that
 * begin late) leaves the leading slots empty. The final sample is cut short when durationSeconds ends inside it.
 *
 * Channels and units (WorkoutSeries.units, as Peloton displays them): output → power (W); cadence → cadence (rpm),
 * or stroke_rate (spm) when there is no cadence (rows); heart_rate → heartRate; speed (mph, kph; mph if unlabelled) →
 * m/s, else derived from pace (min/mi, min/km) or row split_pace (min/500m), all in decimal minutes; altitude (ft or m)
 * → m; distance (GPS, mi/km/m) → cumulative m; incline (%, the Tread's) → grade. Without a distance channel, speed is integrated and scaled so the
 * total matches the summary distance when both exist. Laps are the class segments tiling the ride (laps.ts).
 */
export interface PelotonActivityInput {
  title: string;
  discipline: string;
  startTime: Date;
  durationSeconds: number | null;
  ftp: number | null;
  series: WorkoutSeries | null;
  segments: ClassSegment[];
  summary: { distance: number | null; distanceUnit: string | null } | null;
  isOutdoor?: boolean;
  /** thresholds in force on the workout's day; their FTP replaces `ftp` (lib/metrics/score.ts reads them) */
  thresholds?: ResolvedThresholds | null;
}

const FOOT = 0.3048;
const METERS_PER: Record<string, number> = { mi: 1609.344, km: 1000, m: 1, ft: FOOT, yd: 0.9144 };
const SPEED_TO_MS: Record<string, number> = { mph: 0.44704, kph: 1 / 3.6, "km/h": 1 / 3.6, "m/s": 1 };
/** metres per unit of a pace's distance, keyed by pace unit */
const PACE_METERS: Record<string, number> = { "min/mi": 1609.344, "min/km": 1000, "min/500m": 500 };

export function pelotonSport(discipline: string, isOutdoor = false): { sport: ActivitySport; subSport: string | null } {
  switch (discipline) {
    case "cycling":
    case "bike_bootcamp":
      return { sport: "cycling", subSport: isOutdoor ? "road" : "indoorCycling" };
    case "running":
      return { sport: "running", subSport: isOutdoor ? "road" : "treadmill" };
    case "walking":
      return { sport: "walking", subSport: isOutdoor ? null : "indoorWalking" };
    case "caesar":
      return { sport: "rowing", subSport: "indoorRowing" };
    default:
      return { sport: "training", subSport: null };
  }
}

const SAMPLE_CHANNELS: readonly (keyof ActivitySamples)[] = ["power", "cadence", "heartRate", "speed", "distance", "altitude", "grade"];

const unitOf = (series: WorkoutSeries, channel: ChannelName) => series.units[channel]?.trim().toLowerCase() ?? null;

function scaled(values: readonly (number | null)[] | undefined, factor: number): (number | null)[] | undefined {
  return values?.map((v) => (typeof v === "number" && Number.isFinite(v) ? v * factor : null));
}

function fromPace(values: readonly (number | null)[] | undefined, metres: number): (number | null)[] | undefined {
  return values?.map((v) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? metres / (v * 60) : null));
}

/** Channels in our units, one value per Peloton sample. */
function convertChannels(series: WorkoutSeries): ActivitySamples {
  const c = series.channels;
  const speedUnit = unitOf(series, "speed") ?? "mph";
  const paceUnit = unitOf(series, "pace");
  const splitUnit = unitOf(series, "split_pace") ?? "min/500m";
  const speed =
    (c.speed && SPEED_TO_MS[speedUnit] !== undefined ? scaled(c.speed, SPEED_TO_MS[speedUnit]) : undefined) ??
    (paceUnit && PACE_METERS[paceUnit] !== undefined ? fromPace(c.pace, PACE_METERS[paceUnit]) : undefined) ??
    (PACE_METERS[splitUnit] !== undefined ? fromPace(c.split_pace, PACE_METERS[splitUnit]) : undefined);
  const altitudeUnit = unitOf(series, "altitude");
  const distanceUnit = unitOf(series, "distance") ?? "mi";
  return {
    power: scaled(c.output, 1),
    cadence: scaled(c.cadence ?? c.stroke_rate, 1),
    heartRate: scaled(c.heart_rate, 1),
    speed,
    distance: METERS_PER[distanceUnit] !== undefined ? scaled(c.distance, METERS_PER[distanceUnit]) : undefined,
    altitude: scaled(c.altitude, altitudeUnit === "ft" || altitudeUnit === "feet" ? FOOT : 1),
    grade: scaled(c.incline, 1),
  };
}

function upsample(values: readonly (number | null)[], lead: number, step: number, length: number): (number | null)[] {
  const out = new Array<number | null>(length).fill(null);
  values.forEach((v, i) => {
    const from = lead + i * step;
    if (from < length) out.fill(v, from, Math.min(length, from + step));
  });
  return out;
}

function summaryMeters(summary: PelotonActivityInput["summary"]): number | null {
  if (!summary || typeof summary.distance !== "number" || !(summary.distance > 0)) return null;
  const factor = METERS_PER[summary.distanceUnit?.trim().toLowerCase() ?? "mi"];
  return factor === undefined ? null : summary.distance * factor;
}

function timeline(input: PelotonActivityInput): { length: number; samples: ActivitySamples } {
  const series = input.series;
  const duration = typeof input.durationSeconds === "number" && input.durationSeconds > 0 ? Math.round(input.durationSeconds) : null;
  if (!series || series.length === 0) return { length: duration ?? 0, samples: {} };
  const step = Number.isFinite(series.intervalSeconds) && series.intervalSeconds >= 1 ? Math.round(series.intervalSeconds) : 1;
  const lead = Math.max(0, Math.round(series.firstOffset) - step);
  const full = lead + series.length * step;
  const length = duration !== null && duration < full && duration > full - step ? duration : full;

  const samples: ActivitySamples = {};
  const converted = convertChannels(series);
  for (const channel of SAMPLE_CHANNELS) {
    const values = converted[channel];
    if (values) samples[channel] = upsample(values, lead, step, length);
  }
  if (!samples.distance) {
    const integrated = integrateSpeed(samples.speed);
    const target = summaryMeters(input.summary);
    const total = integrated?.at(-1) ?? 0;
    if (integrated) samples.distance = target !== null && total > 0 ? integrated.map((d) => (d * target) / total) : integrated;
  }
  return { length, samples };
}

export function pelotonWorkoutToActivity(input: PelotonActivityInput): Activity {
  const { length, samples } = timeline(input);
  const { sport, subSport } = pelotonSport(input.discipline, input.isOutdoor ?? false);
  const ftp = input.thresholds?.ftp?.value ?? input.ftp;
  return {
    startTime: input.startTime,
    sport,
    subSport,
    title: input.title.trim() || null,
    length,
    durationSeconds: length,
    samples,
    laps: tileLaps(
      input.segments.map((segment) => ({ start: segment.start, end: segment.end, name: segment.name })),
      length,
    ),
    ftp: typeof ftp === "number" && Number.isFinite(ftp) && ftp > 0 ? ftp : null,
    recorded: null,
    device: "peloton",
    discipline: input.discipline,
    thresholds: input.thresholds ?? null,
  };
}
