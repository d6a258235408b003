import type { MemberSpec } from "./members";
import { hrZoneBounds } from "./physics";
import { downsample, sampleOffsets } from "./sampling";
import type { Series } from "./series";
import { caesarMetrics, locationData, splitsData, splitsMetrics } from "./splits";
import { round, stats, type WorkoutSummary } from "./summary";
import { targetMetricsJson, timeInMetric } from "./targets-json";
import type { WorkoutHeader } from "./types";
import { effortZones } from "./workout-json";
import { LATE_START_OFFSET, cuesOnly } from "./quirks";

interface MetricDef {
  slug: string;
  name: string;
  unit: string;
  digits: number;
  values: Float64Array | undefined;
  /** a pace: Peloton's max_value is the fastest, i.e. the smallest number of minutes */
  pace?: boolean;
  /** Peloton's own average when it is not the samples' mean (quirks.ts pelotonAverages) */
  average?: number;
}

function fastest(values: Float64Array): number {
  let min = Infinity;
  for (const v of values) if (v > 0 && v < min) min = v;
  return Number.isFinite(min) ? min : 0;
}

function metricJson(def: MetricDef, offsets: number[], first: number): Record<string, unknown> | undefined {
  if (!def.values) return undefined;
  const { avg, max } = stats(def.values);
  return {
    display_name: def.name,
    display_unit: def.unit,
    max_value: round(def.pace ? fastest(def.values) : max, def.digits),
    average_value: round(def.average ?? avg, def.digits),
    values: downsample(def.values, offsets, def.digits, first),
    slug: def.slug,
  };
}

/**
 * Peloton's own average output where it is not the samples' mean (quirks.ts): a row's is per stroke (strokes come
 * faster when the rower pulls harder, so it is higher); a ride's leaves out its easy seconds (under half the mean).
 */
function pelotonAverage(header: WorkoutHeader, series: Series): number | undefined {
  const output = series.output;
  if (!output || !header.quirks.includes("pelotonAverages")) return undefined;
  let sum = 0;
  let weight = 0;
  const mean = stats(output).avg;
  for (let s = 0; s < output.length; s++) {
    const w = output[s] ?? 0;
    const strokes = header.plan.discipline === "caesar" ? Math.max(1, series.strokeRate?.[s] ?? 20) : w >= mean / 2 ? 1 : 0;
    sum += w * strokes;
    weight += strokes;
  }
  return weight ? sum / weight : undefined;
}

function heartRateJson(member: MemberSpec, hr: Float64Array, summary: WorkoutSummary, offsets: number[], first: number): Record<string, unknown> {
  const bounds = hrZoneBounds(member.maxHr).map((b) => Math.round(b));
  const zones = [1, 2, 3, 4, 5].map((z) => {
    const min = bounds[z - 1] ?? 0;
    const next = bounds[z];
    return {
      display_name: `Zone ${z}`,
      slug: `zone${z}`,
      range: z === 1 ? `< ${next} bpm` : next === undefined ? `> ${min} bpm` : `${min}-${next - 1} bpm`,
      duration: summary.hrZones?.[z - 1] ?? 0,
      min_value: min,
      max_value: next === undefined ? member.maxHr : next - 1,
    };
  });
  const base = metricJson({ slug: "heart_rate", name: "Heart Rate", unit: "bpm", digits: 0, values: hr }, offsets, first) ?? {};
  return { ...base, zones, missing_data_duration: stats(hr).missing };
}

const entry = (slug: string, display_name: string, display_unit: string | null, value: number) => ({ display_name, display_unit, value, slug });

/** `/api/workout/{id}/performance_graph` (docs/peloton-api.md §5.6). */
export function performanceGraph(
  member: MemberSpec, header: WorkoutHeader, series: Series, summary: WorkoutSummary, everyN: number, web: boolean,
): Record<string, unknown> {
  const { plan } = header;
  const first = header.quirks.includes("offsetsFromZero") ? 0 : header.quirks.includes("lateStart") ? LATE_START_OFFSET : 1;
  const offsets = sampleOffsets(series.n, everyN, first);
  const ownAverage = pelotonAverage(header, series);
  const km = member.distanceUnit === "km";
  const dUnit = km ? "km" : "mi";
  const sUnit = km ? "kph" : "mph";
  const pUnit = km ? "min/km" : "min/mi";
  const tread = plan.kind === "tread_run" || plan.kind === "tread_walk";
  const row = plan.discipline === "caesar";
  const defs: MetricDef[] = [];
  const averages: Array<ReturnType<typeof entry>> = [];
  const summaries: Array<ReturnType<typeof entry>> = [];
  const avg = (v: Float64Array | undefined, digits: number) => round(stats(v).avg, digits);
  if (plan.discipline === "cycling" && series.output) {
    defs.push(
      { slug: "output", name: "Output", unit: "watts", digits: 0, values: series.output, average: ownAverage },
      { slug: "cadence", name: "Cadence", unit: "rpm", digits: 0, values: series.cadence },
      { slug: "resistance", name: "Resistance", unit: "%", digits: 0, values: series.resistance },
      { slug: "speed", name: "Speed", unit: sUnit, digits: 1, values: series.speed },
    );
    averages.push(
      entry("avg_output", "Avg Output", "watts", round(ownAverage ?? stats(series.output).avg, 0)), entry("avg_cadence", "Avg Cadence", "rpm", avg(series.cadence, 0)),
      entry("avg_resistance", "Avg Resistance", "%", avg(series.resistance, 0)), entry("avg_speed", "Avg Speed", sUnit, avg(series.speed, 1)),
    );
  } else if (tread) {
    defs.push(
      { slug: "output", name: "Output", unit: "watts", digits: 0, values: series.output },
      { slug: "pace", name: "Pace", unit: pUnit, digits: 2, values: series.pace, pace: true },
      { slug: "incline", name: "Incline", unit: "%", digits: 1, values: series.incline },
    );
    averages.push(
      entry("avg_output", "Avg Output", "watts", avg(series.output, 0)), entry("avg_pace", "Avg Pace", pUnit, round(60 / Math.max(avg(series.speed, 3), 0.1), 2)),
      entry("avg_speed", "Avg Speed", sUnit, avg(series.speed, 1)), entry("avg_incline", "Avg Incline", "%", avg(series.incline, 1)),
    );
  } else if (plan.isOutdoor) {
    defs.push(
      { slug: "pace", name: "Pace", unit: pUnit, digits: 2, values: series.pace, pace: true },
      { slug: "altitude", name: "Elevation", unit: "ft", digits: 0, values: series.altitude },
    );
    averages.push(entry("avg_pace", "Avg Pace", pUnit, round(60 / Math.max(avg(series.speed, 3), 0.1), 2)), entry("avg_speed", "Avg Speed", sUnit, avg(series.speed, 1)));
  } else if (row) {
    defs.push(
      { slug: "output", name: "Stroke Output", unit: "watts", digits: 0, values: series.output, average: ownAverage },
      { slug: "stroke_rate", name: "Stroke Rate", unit: "spm", digits: 0, values: series.strokeRate },
      { slug: "split_pace", name: "Split Pace", unit: "min/500m", digits: 2, values: series.splitPace, pace: true },
    );
    averages.push(
      entry("avg_output", "Avg Output", "watts", round(ownAverage ?? stats(series.output).avg, 0)), entry("avg_stroke_rate", "Avg Stroke Rate", "spm", avg(series.strokeRate, 0)),
      entry("avg_split_pace", "Avg Split Pace", "min/500m", round(500 / Math.max(summary.distance / Math.max(series.n, 1), 0.1) / 60, 2)),
    );
  }
  const metrics = defs.map((d) => metricJson(d, offsets, first)).filter((m): m is Record<string, unknown> => m !== undefined);
  if (tread) {
    const pace = metrics.find((m) => m.slug === "pace");
    const speed = metricJson({ slug: "speed", name: "Speed", unit: sUnit, digits: 1, values: series.speed }, offsets, first);
    if (pace && speed) pace.alternatives = [speed];
  }
  if (series.heartRate) metrics.push(heartRateJson(member, series.heartRate, summary, offsets, first));

  if (series.output) summaries.push(entry("total_output", "Total Output", "kj", Math.round(summary.totalWork / 1000)));
  if (series.distance) summaries.push(entry("distance", "Distance", row ? "m" : dUnit, round(summary.distance, row ? 0 : 2)));
  if (series.altitude) summaries.push(entry("elevation", "Elevation", "ft", Math.round(elevationGain(series.altitude))));
  if (plan.discipline !== "meditation") summaries.push(entry("calories", "Calories", "kcal", summary.calories));
  if (row && series.strokeRate) summaries.push(entry("stroke_count", "Strokes", null, Math.round(stats(series.strokeRate).avg * (series.n / 60))));

  const inMetric = timeInMetric(member, header, series);
  const graph: Record<string, unknown> = {
    // the last offset: a late start ends the graph short of the class
    duration: Math.max(1, first) + series.n - 1,
    is_class_plan_shown: plan.segments.length > 0,
    segment_list: plan.segments.map((s) => ({
      id: s.id, length: s.length, start_time_offset: s.start, icon_url: `https://example.invalid/segment-icons/${s.iconSlug}.png`,
      intensity_in_mets: s.mets, metrics_type: s.metricsType, icon_name: s.iconSlug, icon_slug: s.iconSlug, name: s.name, is_drill: false,
    })),
    seconds_since_pedaling_start: offsets,
    average_summaries: averages,
    summaries,
    metrics,
    has_apple_watch_metrics: header.deviceType === "iPhone" && !!series.heartRate,
    splits_data: header.quirks.includes("splitsNull") ? null : header.quirks.includes("splitsEmpty") ? {} : splitsData(series, dUnit),
    // a class with instructor cues instead of target metrics sends only the older per-sample form (quirks.ts)
    ...(cuesOnly(plan) ? {} : { target_metrics_performance_data: { target_metrics: targetMetricsJson(plan), time_in_metric: inMetric } }),
    effort_zones: effortZones(summary),
  };
  if (row) {
    graph.splits_metrics = splitsMetrics(series);
    graph.caesar_metrics = caesarMetrics(header, series);
  }
  if (plan.targets.some((t) => t.type === "cues")) graph.target_performance_metrics = cuePerformance(header, offsets, inMetric);
  if (plan.discipline === "strength") {
    graph.muscle_group_score = [
      { muscle_group: "core", score: 120, percentage: 40, bucket: 2, display_name: "Core" },
      { muscle_group: "legs", score: 90, percentage: 30, bucket: 2, display_name: "Legs" },
      { muscle_group: "arms", score: 90, percentage: 30, bucket: 1, display_name: "Arms" },
    ];
  }
  // GPS only reaches clients that identify as the web platform (docs/peloton-api.md §4, §8.6).
  if (plan.isOutdoor && web) {
    graph.location_data = locationData(header, series, dUnit);
    graph.is_location_data_accurate = true;
  }
  return graph;
}

function elevationGain(altitude: Float64Array): number {
  let gain = 0;
  for (let s = 1; s < altitude.length; s++) gain += Math.max(0, (altitude[s] ?? 0) - (altitude[s - 1] ?? 0));
  return gain;
}

/** The older `target_performance_metrics` form: cadence/resistance target bands per sample. */
function cuePerformance(header: WorkoutHeader, offsets: number[], inRange: Array<{ name: string; value: number }>): Record<string, unknown> {
  const { plan } = header;
  const at = (s: number) => plan.targets.find((t) => plan.pedalingStart + s - 1 >= t.start && plan.pedalingStart + s - 1 <= t.end);
  const band = (type: "cadence" | "resistance") => {
    const upper = offsets.map((s) => at(s)?.[type]?.[1] ?? 0);
    const lower = offsets.map((s) => at(s)?.[type]?.[0] ?? 0);
    const average = upper.map((u, i) => (u + (lower[i] ?? 0)) / 2);
    return { graph_data: { upper, lower, average }, max: Math.max(...upper), min: Math.min(...lower), average: round(average.reduce((a, b) => a + b, 0) / Math.max(1, average.length), 0), type };
  };
  return {
    target_graph_metrics: [band("cadence"), band("resistance")],
    cadence_time_in_range: inRange.find((m) => m.name === "cadence")?.value ?? 0,
    resistance_time_in_range: inRange.find((m) => m.name === "resistance")?.value ?? 0,
  };
}
