import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import type { ClassTargets, PaceIntensityLevel } from "@/lib/domain/targets";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { METERS_PER, PACE_METERS, SPEED_TO_MS } from "@/lib/format/units";
import { displayUnit } from "./channel-meta";
import type { WorkoutChartInput } from "./workout-chart-types";

/**
 * A workout's samples and pace table in the user's unit system, before the charts are built (pure). Peloton records in
 * the member's display units (docs/peloton-api.md, "Units"): speed mph or kph, pace min/mi or min/km, elevation ft,
 * distance mi or km. The page shows them in km/h, min/km, m, km (metric) or mph, min/mi, ft, mi (imperial). Rowing's
 * metres and min/500m splits are the sport's own units and stay. Speed targets need nothing here: they are mph and
 * put in the speed channel's unit when resolved (target-bands.ts speedTargetScale).
 */
const UNIT_OF: Record<UnitsSetting, Partial<Record<ChannelName, string>>> = {
  metric: { speed: "km/h", pace: "min/km", altitude: "m", distance: "km" },
  imperial: { speed: "mph", pace: "min/mi", altitude: "ft", distance: "mi" },
};

const key = (unit: string) => unit.trim().toLowerCase();

/** What one reading in `from` is in `to` (× factor); null when either unit is unknown or the channel keeps its own. */
export function channelFactor(channel: ChannelName, from: string, to: string): number | null {
  const [f, t] = [key(from), key(to)];
  if (channel === "speed") {
    const [a, b] = [SPEED_TO_MS[f], SPEED_TO_MS[t]];
    return a && b ? a / b : null;
  }
  if (channel === "pace") {
    // minutes per `from` distance → minutes per `to` distance
    const [a, b] = [PACE_METERS[f], PACE_METERS[t]];
    return a && b ? b / a : null;
  }
  if (channel === "altitude" || (channel === "distance" && f !== "m")) {
    const [a, b] = [METERS_PER[f], METERS_PER[t]];
    return a && b ? a / b : null;
  }
  return null;
}

const hasReadings = (values: readonly (number | null)[] | undefined) => !!values?.some((v) => v !== null && Number.isFinite(v));

/** Metres the class's pace table is quoted per: the pace channel's distance, else the speed channel's; rows keep theirs. */
function paceTableMetres(series: WorkoutSeries): number | null {
  if (hasReadings(series.channels.split_pace)) return null;
  if (hasReadings(series.channels.pace)) return PACE_METERS[key(displayUnit("pace", series.units.pace))] ?? null;
  if (!hasReadings(series.channels.speed)) return null;
  const speed = key(displayUnit("speed", series.units.speed));
  return speed === "mph" ? (METERS_PER.mi ?? null) : speed === "kph" || speed === "km/h" ? 1000 : null;
}

function scaleLevels(levels: PaceIntensityLevel[], factor: number): PaceIntensityLevel[] {
  const scale = (s: number | null) => (s === null ? null : s * factor);
  return levels.map((l) => ({ ...l, levels: l.levels.map((row) => ({ ...row, fastSeconds: scale(row.fastSeconds), slowSeconds: scale(row.slowSeconds) })) }));
}

export function seriesInUnits(series: WorkoutSeries, units: UnitsSetting): WorkoutSeries {
  const channels = { ...series.channels };
  const unitsOut = { ...series.units };
  for (const [name, to] of Object.entries(UNIT_OF[units]) as [ChannelName, string][]) {
    const values = channels[name];
    if (!values) continue;
    const factor = channelFactor(name, displayUnit(name, series.units[name]), to);
    if (factor === null) continue;
    channels[name] = factor === 1 ? values : values.map((v) => (v === null ? null : v * factor));
    unitsOut[name] = to;
  }
  return { ...series, channels, units: unitsOut };
}

/** The chart input with its samples and pace table in the user's units (the input itself is left as it was). */
export function chartInputInUnits<T extends Pick<WorkoutChartInput, "series" | "targets">>(input: T, units: UnitsSetting): T {
  if (!input.series) return input;
  const series = seriesInUnits(input.series, units);
  const from = paceTableMetres(input.series);
  const to = paceTableMetres(series);
  let targets: ClassTargets | null = input.targets;
  if (targets?.paceIntensityLevels?.length && from && to && from !== to) {
    targets = { ...targets, paceIntensityLevels: scaleLevels(targets.paceIntensityLevels, to / from) };
  }
  return { ...input, series, targets };
}
