import { emptyTargets } from "@/lib/domain/targets";
import type { ChannelName } from "@/lib/domain/series";
import type { ClassTargets } from "@/lib/domain/targets";
import { paceIntensityBands, paceIntensitySpeedBands, validPaceLevel } from "./pace";
import { clipSpans, powerZoneBands, rangeBands, speedTargetScale, type ResolvedTarget } from "./target-bands";
import type { ChartNotice, TargetMetric } from "./workout-chart-types";

/** Which channel each target metric is measured on, and its bands: the step between ClassTargets and compliance. */
export interface ResolvedMetric {
  metric: TargetMetric;
  channel: ChannelName;
  targets: ResolvedTarget[];
}

export interface ChannelInfo {
  unit: string;
  decimals: number;
  pace: boolean;
  max: number | null;
}

export interface ResolveTargetsInput {
  targets: ClassTargets | null;
  channels: Partial<Record<ChannelName, ChannelInfo>>;
  /** seconds the series covers: spans are clipped to it */
  end: number;
  ftp: number | null;
  paceLevel: number | null | undefined;
}

/** The pace channel pace intensities are checked on: row split pace, else tread/outdoor pace, else speed. */
export function paceTargetChannel(channels: Partial<Record<ChannelName, unknown>>): ChannelName | null {
  if (channels.split_pace) return "split_pace";
  if (channels.pace) return "pace";
  if (channels.speed) return "speed";
  return null;
}

export function resolveTargets(input: ResolveTargetsInput): { metrics: ResolvedMetric[]; notices: ChartNotice[] } {
  const { channels, end } = input;
  const metrics: ResolvedMetric[] = [];
  const notices: ChartNotice[] = [];
  if (!input.targets) return { metrics, notices };
  // Targets stored as JSON by older syncs may lack lists added since (strokeRate, …): missing lists are empty.
  const targets: ClassTargets = { ...emptyTargets(), ...input.targets };
  const add = (metric: TargetMetric, channel: ChannelName, resolved: ResolvedTarget[]) => {
    if (resolved.length) metrics.push({ metric, channel, targets: resolved });
  };

  const output = channels.output;
  const powerSpans = clipSpans(targets.powerZones, end);
  if (output && powerSpans.length) {
    if (typeof input.ftp === "number" && Number.isFinite(input.ftp) && input.ftp > 0) add("power", "output", powerZoneBands(powerSpans, input.ftp, output.max));
    else notices.push({ code: "power_zones_without_ftp", message: "This class has power-zone targets, but no FTP is known for this ride, so they cannot be shown in watts." });
  }

  const ranges: [TargetMetric, ChannelName, ClassTargets["cadence"] | undefined][] = [
    ["cadence", "cadence", targets.cadence],
    ["resistance", "resistance", targets.resistance],
    ["stroke_rate", "stroke_rate", targets.strokeRate],
    ["incline", "incline", targets.incline],
  ];
  for (const [metric, channel, spans] of ranges) {
    const info = channels[channel];
    if (info && spans?.length) add(metric, channel, rangeBands(clipSpans(spans, end), info));
  }

  const speed = channels.speed;
  if (speed && targets.speed.length) {
    add("speed", "speed", rangeBands(clipSpans(targets.speed, end), speed, speedTargetScale(speed.unit)));
  }

  const paceSpans = clipSpans(targets.paceIntensity, end);
  const paceChannel = paceTargetChannel(channels);
  const paceInfo = paceChannel ? channels[paceChannel] : undefined;
  // A speed channel already showing the class's speed targets keeps them; pace intensities then go unshown there.
  const speedTaken = paceChannel === "speed" && metrics.some((m) => m.channel === "speed");
  if (paceSpans.length && paceChannel && paceInfo && !speedTaken) {
    if (!targets.paceIntensityLevels.length) {
      notices.push({ code: "pace_intensity_without_table", message: "This class has pace targets, but its pace table is not available." });
    } else if (!validPaceLevel(input.paceLevel)) {
      notices.push({ code: "pace_intensity_without_level", message: "Set your pace level (1–10) to see this class's pace targets." });
    } else {
      const level = input.paceLevel;
      const bands = paceInfo.pace
        ? paceIntensityBands(paceSpans, targets.paceIntensityLevels, level, paceInfo.unit)
        : paceIntensitySpeedBands(paceSpans, targets.paceIntensityLevels, level, paceInfo.unit);
      add("pace", paceChannel, bands);
    }
  }
  return { metrics, notices };
}
