import { hexId, type JsonObject } from "./builders";
import { round } from "./ride-sim";

/** Builders for the performance graph (docs/peloton-api.md §5.6): metrics with Peloton's max/average, summaries, segments, targets. */
type Values = readonly (number | null)[];

function stats(values: Values, decimals: number): { max: number | null; avg: number | null } {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return { max: null, avg: null };
  return { max: Math.max(...present), avg: round(present.reduce((a, b) => a + b, 0) / present.length, decimals) };
}

/** A `metrics[]` entry with Peloton's max_value/average_value. */
export function metric(displayName: string, unit: string, slug: string, values: Values, decimals = 0, extra: JsonObject = {}): JsonObject {
  const s = stats(values, decimals);
  return { display_name: displayName, display_unit: unit, max_value: s.max, average_value: s.avg, values: [...values], slug, ...extra };
}

export function summary(displayName: string, unit: string | null, value: number, slug: string): JsonObject {
  return { display_name: displayName, display_unit: unit, value, slug };
}

/** heart_rate metric with zones (default bounds for max HR 184) and missing_data_duration. */
export function heartRateMetric(values: Values, everyN: number): JsonObject {
  const bounds = [0, 120, 138, 156, 175];
  const durations = [0, 0, 0, 0, 0];
  for (const v of values) {
    if (v === null) continue;
    let zone = 0;
    for (let z = 4; z >= 0; z--) if (v >= bounds[z]!) { zone = z; break; }
    durations[zone]! += everyN;
  }
  const ranges = ["< 120 bpm", "120-137 bpm", "138-155 bpm", "156-174 bpm", "> 175 bpm"];
  return metric("Heart Rate", "bpm", "heart_rate", values, 0, {
    missing_data_duration: values.filter((v) => v === null).length * everyN,
    zones: ranges.map((range, i) => ({
      display_name: `Zone ${i + 1}`,
      slug: `zone${i + 1}`,
      range,
      duration: durations[i]!,
      min_value: bounds[i]!,
      max_value: i < 4 ? bounds[i + 1]! - 1 : 184,
    })),
  });
}

export function hrZoneDurations(hr: JsonObject | null): number[] | null {
  const zones = hr?.zones;
  if (!Array.isArray(zones)) return null;
  return zones.map((z) => (z && typeof z === "object" && !Array.isArray(z) && typeof z.duration === "number" ? z.duration : 0));
}

export function segment(label: string, name: string, slug: string, start: number, length: number, metricsType: string | null, mets = 6): JsonObject {
  return {
    id: hexId(`segment:${label}:${start}`),
    length,
    start_time_offset: start,
    icon_url: `https://example.invalid/segment-icons/${slug}.png`,
    intensity_in_mets: mets,
    metrics_type: metricsType,
    icon_name: slug,
    icon_slug: slug,
    name,
    is_drill: false,
  };
}

/** A target entry on the class timeline, inclusive offsets. */
export function target(start: number, end: number, segmentType: string, metrics: [string, number, number][]): JsonObject {
  return { offsets: { start, end }, segment_type: segmentType, metrics: metrics.map(([name, lower, upper]) => ({ name, lower, upper })) };
}

export interface GraphInput {
  duration: number;
  offsets: number[];
  metrics: JsonObject[];
  summaries: JsonObject[];
  averageSummaries: JsonObject[];
  segments: JsonObject[];
  targets?: JsonObject[];
  timeInMetric?: [string, number][];
  extra?: JsonObject;
  effortZones?: JsonObject | null;
}

export function graphObject(g: GraphInput): JsonObject {
  return {
    duration: g.duration,
    is_class_plan_shown: g.segments.length > 0,
    segment_list: g.segments,
    seconds_since_pedaling_start: g.offsets,
    average_summaries: g.averageSummaries,
    summaries: g.summaries,
    metrics: g.metrics,
    has_apple_watch_metrics: false,
    splits_data: {},
    target_metrics_performance_data: {
      target_metrics: g.targets ?? [],
      time_in_metric: (g.timeInMetric ?? []).map(([name, value]) => ({ name, value })),
    },
    effort_zones: g.effortZones ?? null,
    muscle_group_score: [],
    ...(g.extra ?? {}),
  };
}
