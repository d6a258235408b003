import type { ChannelName } from "@/lib/domain/series";
import { CHANNEL_META, roundTo } from "./channel-meta";
import { axisTicks, niceDomain } from "./chart-domain";
import { describePanel } from "./chart-summary";
import type { ResolvedMetric } from "./chart-targets";
import type { TargetCompliance } from "./compliance";
import { quantile } from "./series-stats";
import type { ChannelStats, ChartPanel, HeartRateZoneInfo, PanelId } from "./workout-chart-types";

/**
 * Which channels get a chart and how each chart is set up (pure): bands, zones, y domain and ticks, text summary.
 * Every channel with a reading gets a panel except distance, and speed only where it says something: when it carries
 * targets, or when there is no pace channel and it is not a bike ride with power (bike speed is derived from output).
 */
export const BIKE_DISCIPLINES = new Set(["cycling", "bike_bootcamp"]);

const PANEL_OF: Partial<Record<ChannelName, PanelId>> = {
  output: "power",
  cadence: "cadence",
  resistance: "resistance",
  stroke_rate: "stroke_rate",
  pace: "pace",
  split_pace: "split_pace",
  speed: "speed",
  incline: "incline",
  altitude: "altitude",
  heart_rate: "heart_rate",
};

export interface FullChannel {
  key: ChannelName;
  unit: string;
  readings: (number | null)[];
  stats: ChannelStats;
}

export function showsPanel(key: ChannelName, discipline: string, channels: Map<ChannelName, FullChannel>, metrics: ResolvedMetric[]): boolean {
  if (!PANEL_OF[key]) return false;
  if (key !== "speed") return true;
  if (metrics.some((m) => m.channel === "speed")) return true;
  const paceShown = channels.has("pace") || channels.has("split_pace");
  return !paceShown && !(BIKE_DISCIPLINES.has(discipline) && channels.has("output"));
}

export function panelFor(channel: FullChannel, metric: ResolvedMetric | undefined, result: TargetCompliance | undefined, hr: HeartRateZoneInfo | null): ChartPanel {
  const meta = CHANNEL_META[channel.key];
  const id = PANEL_OF[channel.key] ?? "power";
  const bands = (metric?.targets ?? []).map((t, i) => {
    const span = result?.spans[i];
    const avg = span?.avg ?? null;
    return {
      start: t.start,
      end: t.end,
      lower: t.lower,
      upper: t.upper,
      label: t.label,
      zone: t.zone,
      openUpper: t.openUpper,
      avg: avg === null ? null : roundTo(avg, meta.decimals),
      dataSeconds: span?.dataSeconds ?? 0,
      inSeconds: span?.inSeconds ?? 0,
    };
  });
  const zones = channel.key === "heart_rate" ? (hr?.zones ?? []) : [];
  const bandBounds = bands.flatMap((b) => (b.openUpper ? [b.lower] : [b.lower, b.upper]));
  const { stats } = channel;
  // Pace uses the 1st–99th percentile: a few seconds of walking pace would otherwise squash a run to a flat line.
  const yDomain = meta.pace
    ? niceDomain([quantile(channel.readings, 0.01), quantile(channel.readings, 0.99), ...bandBounds], { nonNegative: true, minStep: 0.25 })
    : niceDomain([stats.min, stats.max, ...bandBounds], {
        zero: channel.key === "output",
        nonNegative: (stats.min ?? 0) >= 0,
        minStep: 10 ** -meta.decimals,
      });
  const format = { unit: channel.unit, decimals: meta.decimals, pace: meta.pace };
  return {
    id,
    title: meta.label,
    channel: channel.key,
    unit: channel.unit,
    metric: metric?.metric ?? null,
    bands,
    zones,
    yDomain,
    yTicks: axisTicks(yDomain, 5, meta.pace ? 0.25 : 10 ** -meta.decimals),
    reversed: meta.pace,
    summary: describePanel({ title: meta.label, format, stats, compliance: result?.total ?? null, zones }),
  };
}

