import "server-only";
import { mergeSpans, type PaceIntensityTarget, type PowerZoneTarget, type RangeTarget, type TimeSpan } from "@/lib/domain/targets";
import type { PelotonInstructorCue, PelotonTargetGraphMetric, PelotonTargetMetricEntry } from "../api/target-schemas";

/**
 * Class targets → TimeSpans (pure).
 *
 * Offset alignment. Peloton's target offsets (`target_metrics[].offsets`, `instructor_cues[].offsets`) are seconds on
 * the class video timeline, inclusive on both ends: {start: 60, end: 359} is the 300 s from video second 60 up to and
 * including 359. Pedaling (and the first sample) starts at video second P = `ride.pedaling_start_offset` (usually 60;
 * 60 is assumed when the ride does not say). Our TimeSpan is seconds since the first sample, end exclusive:
 *
 *     span.start = offsets.start − P        span.end = offsets.end + 1 − P
 *
 * so {60..359} with P = 60 becomes {start: 0, end: 300}. The sample with seconds_since_pedaling_start = k (k = 1, 2, …)
 * covers span time k − 1, i.e. series index i covers [i·every_n, (i+1)·every_n): see spanToSampleRange. Targets that
 * begin before pedaling are clipped at 0 and those that end before it are dropped. Segment offsets
 * (`segment_list[].start_time_offset`) are already pedaling-relative (the first segment starts at 0) and are not shifted.
 *
 * The older per-sample form (`target_graph_metrics[].graph_data.upper/lower`) is indexed like the samples: element i
 * covers [i·interval, (i+1)·interval). Runs of equal bounds become one RangeTarget. Adjacent targets with equal values
 * (60..119 and 120..179 both "cadence 80–90") are merged into one span.
 */
export const DEFAULT_PEDALING_START_OFFSET = 60;

type RangeKey = "cadence" | "resistance" | "speed" | "incline" | "strokeRate";
const RANGE_METRICS: Record<string, RangeKey> = {
  cadence: "cadence",
  resistance: "resistance",
  speed: "speed",
  incline: "incline",
  stroke_rate: "strokeRate",
};

const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/** Inclusive class-timeline offsets → TimeSpan since the first sample (end exclusive); null when nothing remains. */
export function classOffsetsToSpan(
  offsets: { start?: number | null; end?: number | null } | null | undefined,
  pedalingStartOffset: number,
): TimeSpan | null {
  if (!offsets || !finite(offsets.start) || !finite(offsets.end)) return null;
  const start = Math.max(0, offsets.start - pedalingStartOffset);
  const end = offsets.end + 1 - pedalingStartOffset;
  return end > start ? { start, end } : null;
}

function bounds(lower: number | null | undefined, upper: number | null | undefined): { lower: number; upper: number } | null {
  const lo = finite(lower) ? lower : finite(upper) ? upper : null;
  const hi = finite(upper) ? upper : lo;
  if (lo === null || hi === null) return null;
  return lo <= hi ? { lower: lo, upper: hi } : { lower: hi, upper: lo };
}

export interface SpanTargets {
  powerZones: PowerZoneTarget[];
  ranges: Record<RangeKey, RangeTarget[]>;
  paceIntensity: PaceIntensityTarget[];
}

/** `target_metrics[]` entries (ride details or performance graph) → spans by metric. */
export function targetsFromEntries(entries: readonly PelotonTargetMetricEntry[], pedalingStartOffset: number): SpanTargets {
  const out: SpanTargets = {
    powerZones: [],
    ranges: { cadence: [], resistance: [], speed: [], incline: [], strokeRate: [] },
    paceIntensity: [],
  };
  for (const entry of entries) {
    const span = classOffsetsToSpan(entry.offsets, pedalingStartOffset);
    if (!span) continue;
    for (const metric of entry.metrics ?? []) {
      const range = bounds(metric.lower, metric.upper);
      if (!range || !metric.name) continue;
      if (metric.name === "power_zone") {
        out.powerZones.push({ ...span, zoneLower: range.lower, zoneUpper: range.upper });
      } else if (metric.name === "pace_intensity") {
        out.paceIntensity.push({ ...span, intensity: finite(metric.lower) ? metric.lower : range.lower });
      } else {
        const key = RANGE_METRICS[metric.name];
        if (key) out.ranges[key].push({ ...span, ...range });
      }
    }
  }
  return {
    powerZones: mergeSpans(out.powerZones),
    ranges: {
      cadence: mergeSpans(out.ranges.cadence),
      resistance: mergeSpans(out.ranges.resistance),
      speed: mergeSpans(out.ranges.speed),
      incline: mergeSpans(out.ranges.incline),
      strokeRate: mergeSpans(out.ranges.strokeRate),
    },
    paceIntensity: mergeSpans(out.paceIntensity),
  };
}

/** Non-power-zone cycling cues → cadence and resistance spans. */
export function targetsFromCues(
  cues: readonly PelotonInstructorCue[],
  pedalingStartOffset: number,
): { cadence: RangeTarget[]; resistance: RangeTarget[] } {
  const cadence: RangeTarget[] = [];
  const resistance: RangeTarget[] = [];
  for (const cue of cues) {
    const span = classOffsetsToSpan(cue.offsets, pedalingStartOffset);
    if (!span) continue;
    const c = bounds(cue.cadence_range?.lower, cue.cadence_range?.upper);
    const r = bounds(cue.resistance_range?.lower, cue.resistance_range?.upper);
    if (c) cadence.push({ ...span, ...c });
    if (r) resistance.push({ ...span, ...r });
  }
  return { cadence: mergeSpans(cadence), resistance: mergeSpans(resistance) };
}

/** The older per-sample form: runs of equal (lower, upper) for one metric type → spans. */
export function targetsFromGraphMetrics(
  metrics: readonly PelotonTargetGraphMetric[],
  type: string,
  intervalSeconds: number,
  /** the workout's duration: the last sample's step is cut there (samples [1, 6, …, 1196, 1200] at every_n = 5) */
  durationSeconds?: number | null,
): RangeTarget[] {
  const metric = metrics.find((m) => m.type === type);
  const lower = metric?.graph_data?.lower ?? [];
  const upper = metric?.graph_data?.upper ?? [];
  const interval = intervalSeconds > 0 ? intervalSeconds : 1;
  const limit = finite(durationSeconds) && durationSeconds > 0 ? durationSeconds : Number.POSITIVE_INFINITY;
  const out: RangeTarget[] = [];
  // A graph has a bound per sample: runs of equal bounds are merged as they are read (what mergeSpans would do), so a
  // 30-minute class makes a few dozen spans instead of 1,800 objects for mergeSpans to fold.
  let open: RangeTarget | null = null;
  const count = Math.max(lower.length, upper.length);
  for (let i = 0; i < count; i++) {
    const start = i * interval;
    if (start >= limit) break;
    const range = bounds(lower[i], upper[i]);
    if (!range) continue;
    const end = Math.min(limit, start + interval);
    if (open && open.end === start && open.lower === range.lower && open.upper === range.upper) open.end = end;
    else out.push((open = { start, end, ...range }));
  }
  return mergeSpans(out);
}

/** Decimal minutes (per mile, km or 500 m) → seconds, to 0.1 s. */
export function paceMinutesToSeconds(minutes: number | null | undefined): number | null {
  return finite(minutes) && minutes > 0 ? Math.round(minutes * 600) / 10 : null;
}

/** `total_expected_output`: `{expected_lower_output, expected_upper_output}` or a bare number (docs/peloton-api.md §9.7). */
export function expectedOutput(
  value: number | { expected_lower_output?: number | null; expected_upper_output?: number | null } | null | undefined,
): { lower: number; upper: number } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return finite(value) && value > 0 ? { lower: value, upper: value } : null;
  return bounds(value.expected_lower_output, value.expected_upper_output);
}
