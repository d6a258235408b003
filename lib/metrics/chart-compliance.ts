import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import { CHANNEL_META, CHANNEL_ORDER, displayUnit, dropsNonPositive } from "./channel-meta";
import type { FullChannel } from "./chart-panels";
import { resolveTargets, type ChannelInfo, type ResolvedMetric } from "./chart-targets";
import { sampleSegments, targetCompliance, type TargetCompliance } from "./compliance";
import { channelStats } from "./series-stats";
import { clipSpans } from "./target-bands";
import type { ChartNotice, MetricCompliance, TargetMetric, WorkoutChartInput } from "./workout-chart-types";

/**
 * Time in target for a workout chart (pure): the channels at full resolution and the compliance of every targeted
 * metric. The chart (workout-chart.ts) draws from these; the analytics score and the pace-level estimate need only the
 * compliance, so they skip the chart's panels, downsampling and zone tables.
 */
const METRIC_LABEL: Record<TargetMetric, string> = {
  power: "Power zone",
  cadence: "Cadence",
  resistance: "Resistance",
  speed: "Speed",
  incline: "Incline",
  stroke_rate: "Stroke rate",
  pace: "Pace",
};

/**
 * A channel's readings: its samples with every one that is no reading (absent, not finite, or ≤ 0 where
 * `positiveOnly`) as null; null when none is a reading. A channel that needs no change is returned as it is,
 * not copied: a copy of a list that may hold null boxes every fractional value (callers only read it).
 */
function readingsOf(raw: readonly (number | null)[], length: number, positiveOnly: boolean): (number | null)[] | null {
  let clean = raw.length === length;
  let any = false;
  for (let i = 0; clean && i < length; i++) {
    const v = raw[i];
    if (v === null || v === undefined || !Number.isFinite(v) || (positiveOnly && v <= 0)) clean = false;
    else any = true;
  }
  if (clean) return any ? (raw as (number | null)[]) : null;
  const readings = new Array<number | null>(length);
  any = false;
  for (let i = 0; i < length; i++) {
    const v = raw[i];
    if (v === null || v === undefined || !Number.isFinite(v) || (positiveOnly && v <= 0)) readings[i] = null;
    else {
      readings[i] = v;
      any = true;
    }
  }
  return any ? readings : null;
}

/** The channels with at least one reading, in display order, with their statistics. */
export function fullChannels(series: WorkoutSeries): FullChannel[] {
  const dt = series.intervalSeconds > 0 ? series.intervalSeconds : 1;
  const channels: FullChannel[] = [];
  for (const key of CHANNEL_ORDER) {
    const raw = series.channels[key];
    if (!raw) continue;
    // readingOf's rule with its per-channel part decided once: this loop runs over every sample of every channel.
    const positiveOnly = dropsNonPositive(key);
    const readings = readingsOf(raw, series.length, positiveOnly);
    if (!readings) continue;
    channels.push({ key, unit: displayUnit(key, series.units[key]), readings, stats: channelStats(readings, dt, CHANNEL_META[key].pace) });
  }
  return channels;
}

export interface MeasuredTargets {
  /** the class segments, sorted and clipped to the series */
  segments: WorkoutChartInput["segments"];
  metrics: ResolvedMetric[];
  notices: ChartNotice[];
  results: Map<TargetMetric, TargetCompliance>;
  compliance: MetricCompliance[];
}

/** What time in target depends on besides the samples. */
export type TargetInput = Pick<WorkoutChartInput, "segments" | "targets" | "ftp" | "paceLevel">;

/** Targets resolved against the channels, and each targeted metric's time in range (overall and per segment). */
export function measureTargets(input: TargetInput, series: WorkoutSeries, channels: FullChannel[]): MeasuredTargets {
  const dt = series.intervalSeconds > 0 ? series.intervalSeconds : 1;
  const length = series.length;
  const end = length * dt;
  const byKey = new Map(channels.map((c) => [c.key, c]));
  const info: Partial<Record<ChannelName, ChannelInfo>> = {};
  for (const c of channels) info[c.key] = { unit: c.unit, decimals: CHANNEL_META[c.key].decimals, pace: CHANNEL_META[c.key].pace, max: c.stats.max };

  const segments = clipSpans([...input.segments].sort((a, b) => a.start - b.start), end);
  const segmentOfSample = sampleSegments(segments, length, dt);
  const { metrics, notices } = resolveTargets({ targets: input.targets, channels: info, end, ftp: input.ftp, paceLevel: input.paceLevel });

  const results = new Map<TargetMetric, TargetCompliance>();
  const compliance: MetricCompliance[] = [];
  for (const m of metrics) {
    const channel = byKey.get(m.channel);
    if (!channel) continue;
    const result = targetCompliance(channel.readings, dt, m.targets, segmentOfSample, segments.length, CHANNEL_META[m.channel].pace);
    results.set(m.metric, result);
    const label = m.metric === "pace" && m.channel === "split_pace" ? "Split pace" : METRIC_LABEL[m.metric];
    compliance.push({ metric: m.metric, channel: m.channel, label, unit: channel.unit, ...result.total });
  }
  compliance.sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel));
  return { segments, metrics, notices, results, compliance };
}

/** The chart's time in target per metric (WorkoutChartData.compliance), without building the chart; [] without samples. */
export function timeInTarget(input: TargetInput & Pick<WorkoutChartInput, "series">): MetricCompliance[] {
  const series = input.series;
  if (!series || !(series.length > 0)) return [];
  return measureTargets(input, series, fullChannels(series)).compliance;
}
