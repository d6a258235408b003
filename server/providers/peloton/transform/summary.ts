import "server-only";
import type { PelotonGraphMetric, PelotonPerformanceGraph, PelotonSummaryItem, PelotonWorkout } from "../api/workout-schemas";
import type { MetricStat, WorkoutSummary } from "@/lib/domain/workout";
import type { WorkoutSeries } from "@/lib/domain/series";

/**
 * Performance graph → what Peloton itself reports (pure): totals from `summaries` (total_output kJ, distance + its
 * unit, calories, elevation; total output falls back to `workout.total_work`, J → kJ) and Peloton's own avg/max from
 * `metrics[].average_value/max_value` (for tread speed: the `speed` alternative of `pace`), then `average_summaries`.
 * Resistance and speed fall back to the samples (1 decimal). Output, cadence and heart rate are AutoCoach's figures
 * (workout.ts, from the samples by lib/metrics/activity.ts); Peloton's own values for them are kept in `peloton`
 * (docs/peloton-api.md §5.6.1). A heart rate of 0 means "no strap": null, and 0 bpm samples are no reading.
 */
export type FiguresSummary = Pick<WorkoutSummary, "output" | "cadence" | "heartRate" | "normalizedPower" | "intensityFactor" | "tss" | "ftpUsed">;

const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function summaryItem(items: readonly PelotonSummaryItem[] | null | undefined, ...slugs: string[]): PelotonSummaryItem | null {
  for (const slug of slugs) {
    const item = items?.find((i) => i.slug === slug && finite(i.value));
    if (item) return item;
  }
  return null;
}

/** A metric by slug: top-level first, then any metric's `alternatives` (tread `pace` carries `speed`). */
export function findMetric(graph: PelotonPerformanceGraph | null, slug: string): PelotonGraphMetric | null {
  const metrics = graph?.metrics ?? [];
  const top = metrics.find((m) => m.slug === slug);
  if (top) return top;
  for (const metric of metrics) {
    const alternative = metric.alternatives?.find((a) => a.slug === slug);
    if (alternative) return { ...alternative, alternatives: [] };
  }
  return null;
}

function computed(values: readonly (number | null)[] | undefined, positiveOnly = false): { avg: number | null; max: number | null } {
  let sum = 0;
  let count = 0;
  let max: number | null = null;
  for (const v of values ?? []) {
    if (v === null || (positiveOnly && !(v > 0))) continue;
    sum += v;
    count++;
    if (max === null || v > max) max = v;
  }
  return { avg: count ? round(sum / count, 1) : null, max };
}

function stat(
  graph: PelotonPerformanceGraph | null,
  slug: string,
  averageSlug: string,
  values: readonly (number | null)[] | undefined,
  opts: { zeroIsMissing?: boolean } = {},
): MetricStat {
  const metric = findMetric(graph, slug);
  const fallback = computed(values, opts.zeroIsMissing);
  const keep = (v: number | null | undefined): number | null => (finite(v) && !(opts.zeroIsMissing && v === 0) ? v : null);
  return {
    avg: keep(metric?.average_value) ?? keep(summaryItem(graph?.average_summaries, averageSlug)?.value) ?? keep(fallback.avg),
    max: keep(metric?.max_value) ?? keep(fallback.max),
  };
}

/** Peloton's own avg/max for a metric (no fallback to the samples). */
function reported(graph: PelotonPerformanceGraph | null, slug: string, averageSlug: string, opts: { zeroIsMissing?: boolean } = {}): MetricStat {
  const metric = findMetric(graph, slug);
  const keep = (v: number | null | undefined): number | null => (finite(v) && !(opts.zeroIsMissing && v === 0) ? v : null);
  return { avg: keep(metric?.average_value) ?? keep(summaryItem(graph?.average_summaries, averageSlug)?.value), max: keep(metric?.max_value) };
}

export type PelotonTotals = Omit<WorkoutSummary, keyof FiguresSummary | "peloton">;

/** Peloton's totals and its resistance/speed stats. */
export function buildTotals(graph: PelotonPerformanceGraph | null, workout: PelotonWorkout, series: WorkoutSeries | null): PelotonTotals {
  const summaries = graph?.summaries;
  const totalOutput = summaryItem(summaries, "total_output");
  const distance = summaryItem(summaries, "distance");
  const speedMetric = findMetric(graph, "speed");
  const channels = series?.channels ?? {};
  const totalWork = workout.total_work;
  return {
    totalOutputKj: totalOutput?.value ?? (finite(totalWork) && totalWork > 0 ? round(totalWork / 1000, 2) : null),
    distance: distance?.value ?? null,
    distanceUnit: distance ? (distance.display_unit ?? null) : null,
    calories: summaryItem(summaries, "calories", "total_calories")?.value ?? null,
    elevation: summaryItem(summaries, "elevation")?.value ?? null,
    resistance: stat(graph, "resistance", "avg_resistance", channels.resistance),
    speed: stat(graph, "speed", "avg_speed", channels.speed),
    speedUnit: speedMetric?.display_unit ?? summaryItem(graph?.average_summaries, "avg_speed")?.display_unit ?? series?.units.speed ?? null,
  };
}

/** Peloton's own averages and maxima of the figures AutoCoach computes (shown beside ours where they differ). */
export function pelotonAverages(graph: PelotonPerformanceGraph | null): NonNullable<WorkoutSummary["peloton"]> {
  return {
    output: reported(graph, "output", "avg_output"),
    cadence: reported(graph, "cadence", "avg_cadence"),
    heartRate: reported(graph, "heart_rate", "avg_heart_rate", { zeroIsMissing: true }),
  };
}
