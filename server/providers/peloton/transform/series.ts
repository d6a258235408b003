import "server-only";
import type { PelotonGraphMetric, PelotonPerformanceGraph } from "../api/workout-schemas";
import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";

/**
 * Performance graph → WorkoutSeries (pure).
 *
 * - length = len(seconds_since_pedaling_start); firstOffset = its first entry; intervalSeconds = every_n, inferred as
 *   the most common step between offsets (the last step is usually shorter: [1, 11, …, 1791, 1800]). That final partial
 *   step is not represented: sample i is taken to sit at firstOffset + i·interval.
 * - Every metric whose slug we know becomes a channel (cycling output/cadence/resistance/speed/heart_rate; tread
 *   output/pace/incline/heart_rate + the `speed` alternative of `pace`; outdoor pace/altitude/heart_rate; row
 *   output/stroke_rate/split_pace/heart_rate; strength/yoga: heart_rate). A top-level metric wins over an alternative.
 * - Values line up index-for-index with the offsets; nulls stay null, a short array is padded with null and a long one
 *   cut to length. Nothing is dropped or interpolated.
 * - Outdoor workouts with GPS get `distance`, `latitude` and `longitude` channels: the cumulative distance and the
 *   position of the latest `location_data` fix at or before each sample (null before the first fix), so the track
 *   reaches the FIT and TCX exports.
 * - No offsets and no values, or no known channel at all (meditation, strength without a heart-rate strap): null.
 */
const SLUG_TO_CHANNEL: Record<string, ChannelName> = {
  output: "output",
  cadence: "cadence",
  resistance: "resistance",
  speed: "speed",
  heart_rate: "heart_rate",
  pace: "pace",
  incline: "incline",
  altitude: "altitude",
  elevation: "altitude",
  stroke_rate: "stroke_rate",
  split_pace: "split_pace",
};

function inferInterval(offsets: readonly (number | null)[]): number {
  // Almost always one step holds for all but the last offset: a step that makes up more than half of them is the
  // most common one, with no need to count the others.
  const first = stepAt(offsets, 1);
  if (first !== null) {
    let same = 0;
    let steps = 0;
    for (let i = 1; i < offsets.length; i++) {
      const step = stepAt(offsets, i);
      if (step === null) continue;
      steps++;
      if (step === first) same++;
    }
    if (same * 2 > steps) return first;
  }
  const counts = new Map<number, number>();
  for (let i = 1; i < offsets.length; i++) {
    const step = stepAt(offsets, i);
    if (step !== null) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best = 1;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  }
  return best;
}

/** The step from offset i − 1 to offset i (to the millisecond), or null when either is missing or they do not increase. */
function stepAt(offsets: readonly (number | null)[], i: number): number | null {
  const a = offsets[i - 1];
  const b = offsets[i];
  if (typeof a !== "number" || typeof b !== "number" || !(b > a)) return null;
  return Math.round((b - a) * 1000) / 1000;
}

function aligned(values: readonly (number | null)[], length: number): (number | null)[] {
  // Already aligned and clean (the usual case): a plain copy keeps an all-number list in V8's compact double storage.
  if (values.length === length && values.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)))) return values.slice();
  const out = new Array<number | null>(length).fill(null);
  for (let i = 0; i < Math.min(length, values.length); i++) {
    const v = values[i];
    out[i] = typeof v === "number" && Number.isFinite(v) ? v : null;
  }
  return out;
}

interface Fix {
  at: number;
  value: number;
}

/** The value of the latest fix at or before each offset (null before the first). */
function atOffsets(fixes: Fix[], offsets: readonly number[]): (number | null)[] | null {
  if (!fixes.length) return null;
  fixes.sort((a, b) => a.at - b.at);
  const values: (number | null)[] = [];
  let next = 0;
  let current: number | null = null;
  for (const offset of offsets) {
    for (let fix = fixes[next]; fix && fix.at <= offset; fix = fixes[++next]) current = fix.value;
    values.push(current);
  }
  return values;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function gpsChannels(graph: PelotonPerformanceGraph, offsetsOf: () => readonly number[]) {
  if (!graph.location_data?.length) return { distance: null, unit: null, latitude: null, longitude: null };
  const offsets = offsetsOf();
  const distance: Fix[] = [];
  const latitude: Fix[] = [];
  const longitude: Fix[] = [];
  let unit: string | null = null;
  for (const segment of graph.location_data ?? []) {
    for (const c of segment.coordinates ?? []) {
      const at = c.seconds_offset_from_start;
      if (!isNumber(at)) continue;
      if (isNumber(c.distance)) {
        distance.push({ at, value: c.distance });
        unit ??= c.distance_display_unit ?? null;
      }
      if (isNumber(c.latitude) && isNumber(c.longitude) && Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180) {
        latitude.push({ at, value: c.latitude });
        longitude.push({ at, value: c.longitude });
      }
    }
  }
  return { distance: atOffsets(distance, offsets), unit, latitude: atOffsets(latitude, offsets), longitude: atOffsets(longitude, offsets) };
}

export function buildSeries(graph: PelotonPerformanceGraph | null): WorkoutSeries | null {
  if (!graph) return null;
  const metrics: PelotonGraphMetric[] = graph.metrics ?? [];
  const rawOffsets = graph.seconds_since_pedaling_start ?? [];
  const longest = Math.max(0, ...metrics.map((m) => m.values?.length ?? 0));
  const length = rawOffsets.length || longest;
  if (length === 0) return null;

  const interval = rawOffsets.length > 1 ? inferInterval(rawOffsets) : 1;
  const firstOffset = typeof rawOffsets[0] === "number" ? rawOffsets[0] : interval;
  const offsets = () =>
    Array.from({ length }, (_, i) => {
      const o = rawOffsets[i];
      return typeof o === "number" ? o : firstOffset + i * interval;
    });

  const channels: WorkoutSeries["channels"] = {};
  const units: WorkoutSeries["units"] = {};
  const add = (metric: { slug?: string | null; values?: readonly (number | null)[] | null; display_unit?: string | null }) => {
    const channel = metric.slug ? SLUG_TO_CHANNEL[metric.slug] : undefined;
    if (!channel || channels[channel] || !metric.values) return;
    channels[channel] = aligned(metric.values, length);
    if (metric.display_unit) units[channel] = metric.display_unit;
  };
  for (const metric of metrics) add(metric);
  for (const metric of metrics) for (const alternative of metric.alternatives ?? []) add(alternative);

  const gps = gpsChannels(graph, offsets);
  if (gps.distance && !channels.distance) {
    channels.distance = gps.distance;
    if (gps.unit) units.distance = gps.unit;
  }
  if (gps.latitude && gps.longitude) {
    channels.latitude = gps.latitude;
    channels.longitude = gps.longitude;
  }
  if (Object.keys(channels).length === 0) return null;
  return { intervalSeconds: interval, firstOffset, length, channels, units };
}
