import { spanToSampleRange } from "@/lib/domain/targets";
import type { ClassSegment } from "@/lib/domain/targets";
import { CHANNEL_META, roundTo } from "./channel-meta";
import { timeTicks } from "./chart-format";
import { BIKE_DISCIPLINES, panelFor, showsPanel, type FullChannel } from "./chart-panels";
import { fullChannels, measureTargets } from "./chart-compliance";
import type { TargetCompliance } from "./compliance";
import { minMaxDownsample } from "./downsample";
import { heartRateZoneInfo } from "./hr-zones";
import { averageOf } from "./series-stats";
import type { ChartChannel, ChartSegment, PowerZoneInfo, TargetMetric, WorkoutChartData, WorkoutChartInput } from "./workout-chart-types";
import { powerZoneOf, powerZones } from "./zones";

export type * from "./workout-chart-types";

/**
 * Decoded series + class targets → everything the workout charts draw (pure; no I/O; safe in client code).
 * Statistics, zone times and compliance use the full-resolution series; only the channel arrays handed to the charts
 * are downsampled (see downsample.ts), and only when the series is longer than 2 × `maxPoints`.
 * Rules live next to the code that applies them: power zones and ranges in target-bands.ts, pace intensities in
 * pace.ts, heart-rate zones in hr-zones.ts, time in range in compliance.ts, which charts appear in chart-panels.ts.
 */
export const DEFAULT_MAX_POINTS = 1500;

const validFtp = (ftp: number | null): ftp is number => typeof ftp === "number" && Number.isFinite(ftp) && ftp > 0;

function emptyChart(input: WorkoutChartInput): WorkoutChartData {
  const segments = [...input.segments].sort((a, b) => a.start - b.start);
  const end = Math.max(0, ...segments.map((s) => s.end));
  return {
    discipline: input.discipline,
    time: { start: 0, step: 1, count: 0, offsets: null, end, bucket: 1, ticks: timeTicks(end) },
    channels: [],
    panels: [],
    segments: segments.map((s) => ({ name: s.name, kind: s.kind, start: s.start, end: s.end, averages: [], compliance: [] })),
    compliance: [],
    power: null,
    heartRate: null,
    notices: [{ code: "no_series", message: "No second-by-second data was recorded for this workout." }],
  };
}

function powerInfo(ftp: number, output: FullChannel, dt: number): PowerZoneInfo {
  const seconds = new Array<number>(7).fill(0);
  for (const w of output.readings) {
    const zone = w === null ? null : powerZoneOf(Math.max(0, w), ftp);
    if (zone !== null) seconds[zone - 1] = (seconds[zone - 1] ?? 0) + dt;
  }
  return {
    ftp,
    zones: powerZones(ftp).map((z) => ({ zone: z.zone, name: z.name, lower: z.minWatts, upper: z.maxWatts, seconds: seconds[z.zone - 1] ?? 0 })),
  };
}

function chartSegments(
  segments: ClassSegment[],
  channels: FullChannel[],
  dt: number,
  length: number,
  results: Map<TargetMetric, TargetCompliance>,
): ChartSegment[] {
  return segments.map((segment, index) => {
    const { startIndex, endIndex } = spanToSampleRange(segment, { intervalSeconds: dt, length });
    const averages = channels.flatMap((c) => {
      if (c.key === "distance") return [];
      const value = averageOf(c.readings, startIndex, endIndex, CHANNEL_META[c.key].pace);
      return value === null ? [] : [{ channel: c.key, value: roundTo(value, CHANNEL_META[c.key].decimals) }];
    });
    const compliance = [...results].flatMap(([metric, result]) => {
      const tally = result.segments[index];
      return tally && tally.targetSeconds > 0 ? [{ metric, ...tally }] : [];
    });
    return { name: segment.name, kind: segment.kind, start: segment.start, end: segment.end, averages, compliance };
  });
}

export function buildWorkoutChart(input: WorkoutChartInput): WorkoutChartData {
  const series = input.series;
  if (!series || !(series.length > 0)) return emptyChart(input);
  const dt = series.intervalSeconds > 0 ? series.intervalSeconds : 1;
  const length = series.length;
  const end = length * dt;

  const channels = fullChannels(series);
  const byKey = new Map(channels.map((c) => [c.key, c]));
  const { segments, metrics, notices, results, compliance } = measureTargets(input, series, channels);

  const heart = byKey.get("heart_rate");
  const heartRate = heartRateZoneInfo(input.heartRate, heart?.readings ?? null, dt, heart?.stats.max ?? null);
  const output = byKey.get("output");
  const usesFtp = BIKE_DISCIPLINES.has(input.discipline) || metrics.some((m) => m.metric === "power");
  const power = output && usesFtp && validFtp(input.ftp) ? powerInfo(input.ftp, output, dt) : null;

  const panels = channels
    .filter((c) => showsPanel(c.key, input.discipline, byKey, metrics))
    .map((c) => {
      const metric = metrics.find((m) => m.channel === c.key);
      return panelFor(c, metric, metric ? results.get(metric.metric) : undefined, heartRate);
    });

  const display = channels.map((c) => c.readings.map((v) => (v === null ? null : roundTo(v, CHANNEL_META[c.key].decimals))));
  const sampled = minMaxDownsample(display, length, input.maxPoints ?? DEFAULT_MAX_POINTS);
  const chartChannels: ChartChannel[] = channels.map((c, i) => ({
    key: c.key,
    label: CHANNEL_META[c.key].label,
    unit: c.unit,
    decimals: CHANNEL_META[c.key].decimals,
    pace: CHANNEL_META[c.key].pace,
    values: sampled.columns[i] ?? [],
    stats: { ...c.stats, avg: c.stats.avg === null ? null : roundTo(c.stats.avg, CHANNEL_META[c.key].decimals + 1) },
  }));

  return {
    discipline: input.discipline,
    time: {
      start: 0,
      step: dt,
      count: sampled.indexes.length,
      offsets: sampled.bucket === 1 ? null : sampled.indexes.map((i) => roundTo(i * dt, 3)),
      end,
      bucket: sampled.bucket,
      ticks: timeTicks(end),
    },
    channels: chartChannels,
    panels,
    segments: chartSegments(segments, channels, dt, length, results),
    compliance,
    power,
    heartRate,
    notices,
  };
}
