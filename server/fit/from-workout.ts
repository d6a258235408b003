import "server-only";
import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import type { ClassSegment } from "@/lib/domain/targets";
import { tileLaps } from "./laps";
import { integrateSpeed } from "@/lib/metrics/activity-summary";
import type { Activity, ActivitySamples, ActivitySport, RecordedSummary } from "@/lib/domain/activity";
import type { ResolvedThresholds } from "@/lib/domain/thresholds";
import { FOOT, METERS_PER, PACE_METERS, SPEED_TO_MS, metersPer } from "@/lib/format/units";

/**
 * A synced Peloton workout → Activity (pure), for FIT/TCX export and comparisons.
 *
 * Timeline. Peloton sample i sits at firstOffset + i·every_n seconds after pedaling start and stands for the
 * every_n seconds up to it, so it is held for every_n 1 Hz slots (as lib/metrics/power.ts's toOneHz does); slot 0 is
 * pedaling start (= startTime), where segments are measured from too. A firstOffset beyond one interval (samples that
 * begin late) leaves the leading slots empty. The final sample is cut short when durationSeconds ends inside it.
 *
 * Channels and units (WorkoutSeries.units, as Peloton displays them): output → power (W); cadence → cadence (rpm),
 * or stroke_rate (spm) when there is no cadence (rows); heart_rate → heartRate (0 bpm, a strap dropout, → none); speed (mph, kph; mph if unlabelled) →
 * m/s, else derived from pace (min/mi, min/km) or row split_pace (min/500m), all in decimal minutes; altitude (ft or m)
 * → m; distance (GPS, mi/km/m) → cumulative m; incline (%, the Tread's) → grade; latitude/longitude (GPS, degrees) as they are. Without a distance channel, speed is integrated and scaled so the
 * total matches the summary distance when both exist. Laps are the class segments tiling the ride (laps.ts).
 * Peloton's summary totals (distance, calories, total output) become the activity's recorded totals, which every
 * figure prefers (lib/metrics/activity.ts).
 */
export interface PelotonActivityInput {
  title: string;
  discipline: string;
  startTime: Date;
  durationSeconds: number | null;
  ftp: number | null;
  series: WorkoutSeries | null;
  segments: ClassSegment[];
  /** Peloton's own totals: they win over sums of the samples, as a device's session totals do */
  summary: { distance: number | null; distanceUnit: string | null; calories?: number | null; totalOutputKj?: number | null } | null;
  isOutdoor?: boolean;
  /** thresholds in force on the workout's day; their FTP replaces `ftp` (lib/metrics/score.ts reads them) */
  thresholds?: ResolvedThresholds | null;
}


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

const SAMPLE_CHANNELS: readonly (keyof ActivitySamples)[] = ["power", "cadence", "heartRate", "speed", "distance", "altitude", "grade", "latitude", "longitude"];

const unitOf = (series: WorkoutSeries, channel: ChannelName) => series.units[channel]?.trim().toLowerCase() ?? null;

/** How one Peloton value becomes a value in our units (null: no reading). */
type Convert = (v: number | null) => number | null;

const finite = (v: number | null): v is number => typeof v === "number" && Number.isFinite(v);
const times = (factor: number): Convert => (v) => (finite(v) ? v * factor : null);
const asIs: Convert = (v) => (finite(v) ? v : null);
/** Heart rate: 0 bpm (or less) is a strap that lost contact, not a reading. */
const heartRate: Convert = (v) => (finite(v) && v > 0 ? v : null);
const fromPace = (metres: number): Convert => (v) => (finite(v) && v > 0 ? metres / (v * 60) : null);

/** Where each activity channel comes from: the Peloton channel's values and how they convert (undefined: absent). */
function channelSources(series: WorkoutSeries): Partial<Record<keyof ActivitySamples, { values: readonly (number | null)[]; convert: Convert }>> {
  const c = series.channels;
  const source = (values: readonly (number | null)[] | undefined, convert: Convert) => (values ? { values, convert } : undefined);
  const speedUnit = unitOf(series, "speed") ?? "mph";
  const paceUnit = unitOf(series, "pace");
  const splitUnit = unitOf(series, "split_pace") ?? "min/500m";
  const speedFactor = SPEED_TO_MS[speedUnit];
  const paceMetres = paceUnit ? PACE_METERS[paceUnit] : undefined;
  const splitMetres = PACE_METERS[splitUnit];
  const speed =
    (c.speed && speedFactor !== undefined ? source(c.speed, times(speedFactor)) : undefined) ??
    (paceMetres !== undefined ? source(c.pace, fromPace(paceMetres)) : undefined) ??
    (splitMetres !== undefined ? source(c.split_pace, fromPace(splitMetres)) : undefined);
  const altitudeUnit = unitOf(series, "altitude");
  const distanceFactor = METERS_PER[unitOf(series, "distance") ?? "mi"];
  return {
    power: source(c.output, asIs),
    cadence: source(c.cadence ?? c.stroke_rate, asIs),
    heartRate: source(c.heart_rate, heartRate),
    speed,
    distance: distanceFactor !== undefined ? source(c.distance, times(distanceFactor)) : undefined,
    altitude: source(c.altitude, altitudeUnit === "ft" || altitudeUnit === "feet" ? times(FOOT) : asIs),
    grade: source(c.incline, asIs),
    latitude: source(c.latitude, asIs),
    longitude: source(c.longitude, asIs),
  };
}

/**
 * Converted and held at 1 Hz in one pass: sample i fills slots [lead + i·step, lead + (i + 1)·step), cut at `length`;
 * slots no sample reaches stay null.
 */
function upsample(values: readonly (number | null)[], convert: Convert, lead: number, step: number, length: number): (number | null)[] {
  if (step === 1 && lead === 0 && values.length === length) return converted(values, convert);
  const out = new Array<number | null>(length);
  let slot = 0;
  for (; slot < Math.min(lead, length); slot++) out[slot] = null;
  for (let i = 0; i < values.length && slot < length; i++) {
    const v = convert(values[i] ?? null);
    for (let k = 0; k < step && slot < length; k++) out[slot++] = v;
  }
  for (; slot < length; slot++) out[slot] = null;
  return out;
}

/**
 * A 1 Hz series converted sample by sample: the list itself when converting changes nothing (watts, rpm, a heart rate
 * without dropouts), so the activity shares it; activities are only read, never changed in place.
 */
function converted(values: readonly (number | null)[], convert: Convert): (number | null)[] {
  let copy: (number | null)[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    const c = convert(v);
    if (copy) copy[i] = c;
    else if (!Object.is(c, values[i])) {
      copy = values.slice(0, i);
      copy[i] = c;
    }
  }
  return copy ?? (values as (number | null)[]);
}

function summaryMeters(summary: PelotonActivityInput["summary"]): number | null {
  if (!summary || typeof summary.distance !== "number" || !(summary.distance > 0)) return null;
  const factor = metersPer(summary.distanceUnit ?? "mi");
  return factor === null ? null : summary.distance * factor;
}

const positiveOrNull = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null);

/** Peloton's totals as the recording's own (distance in metres, calories, work); null when it states none. */
function recordedTotals(summary: PelotonActivityInput["summary"]): RecordedSummary | null {
  const distance = summaryMeters(summary);
  const calories = positiveOrNull(summary?.calories);
  const work = positiveOrNull(summary?.totalOutputKj);
  if (distance === null && calories === null && work === null) return null;
  return {
    totalTimerSeconds: null,
    totalElapsedSeconds: null,
    totalDistanceMeters: distance,
    avgPower: null,
    maxPower: null,
    normalizedPower: null,
    intensityFactor: null,
    tss: null,
    avgHeartRate: null,
    maxHeartRate: null,
    avgCadence: null,
    totalWorkKj: work,
    calories,
  };
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
  const sources = channelSources(series);
  for (const channel of SAMPLE_CHANNELS) {
    const source = sources[channel];
    if (source) samples[channel] = upsample(source.values, source.convert, lead, step, length);
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
    recorded: recordedTotals(input.summary),
    device: "peloton",
    discipline: input.discipline,
    thresholds: input.thresholds ?? null,
  };
}
