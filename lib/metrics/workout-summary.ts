import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { MetricStat } from "@/lib/domain/workout";
import { formatDuration, formatNumber } from "@/lib/format/display";
import { distanceIn, elevationIn, speedIn, type Quantity } from "@/lib/format/quantity";
import { FOOT, SPEED_TO_MS } from "@/lib/format/units";
import type { ActivityFigures } from "./activity";

/**
 * The workout page's summary (pure): every figure AutoCoach computes comes from activityFigures, the same numbers the
 * FIT export writes and the comparison shows; what only Peloton reports (resistance, speed, elevation) is shown as
 * Peloton sent it, converted to the user's unit system (Settings → Units). Figures AutoCoach computed from the samples
 * say so, and Peloton's own average is shown beside ours where the two differ once rounded for display
 * (docs/peloton-api.md §5.6.1).
 */
export type SummaryKey =
  | "duration"
  | "distance"
  | "work"
  | "calories"
  | "power"
  | "cadence"
  | "resistance"
  | "speed"
  | "heartRate"
  | "normalizedPower"
  | "intensityFactor"
  | "tss"
  | "elevation";

export interface SummaryStat {
  key: SummaryKey;
  label: string;
  value: string;
  unit?: string;
  hint?: string;
  /** "computed": AutoCoach's figure from the samples; "peloton": as Peloton reports it */
  origin: "computed" | "peloton";
}

/** What Peloton reported for the workout (the stored summary), for the figures only Peloton has. */
export interface PelotonReported {
  distanceUnit: string | null;
  avgResistance: number | null;
  maxResistance: number | null;
  avgSpeed: number | null;
  maxSpeed: number | null;
  speedUnit: string | null;
  elevation: number | null;
  /** Peloton's own avg/max of the figures we compute */
  peloton: { output: MetricStat; cadence: MetricStat; heartRate: MetricStat } | null | undefined;
}

export interface SummaryInput {
  figures: ActivityFigures;
  discipline: string;
  reported: PelotonReported | null;
  ftpWatts: number | null;
  units: UnitsSetting;
}

/** Display precision of each computed figure: the property test holds the page, the FIT file and the comparison to it. */
export const SUMMARY_DECIMALS = { distance: 2, work: 0, calories: 0, power: 0, cadence: 0, heartRate: 0, normalizedPower: 0, intensityFactor: 2, tss: 0 } as const;

const pair = (avg: number | null, max: number | null, decimals = 0) =>
  avg === null && max === null ? null : `${formatNumber(avg, decimals)} / ${formatNumber(max, decimals)}`;

/** "Peloton shows 152 / 241" when Peloton's own average or maximum differs from ours once both are rounded. */
function pelotonHint(ours: string | null, theirs: MetricStat | undefined, unit: string): string {
  const shown = theirs ? pair(theirs.avg, theirs.max) : null;
  if (shown === null || shown === ours) return "computed from the samples";
  return `computed from the samples · Peloton shows ${shown} ${unit}`;
}

/** The distance in the user's units; a row's stays in metres when Peloton gave it so (the sport's own unit). */
export function summaryDistance(meters: number | null, pelotonUnit: string | null, units: UnitsSetting): Quantity | null {
  if (meters === null) return null;
  return pelotonUnit?.trim().toLowerCase() === "m" ? { value: meters, unit: "m" } : distanceIn(meters, units);
}

/** Peloton's avg / max speed (in its mph or kph) in the user's km/h or mph. */
function reportedSpeed(r: PelotonReported, units: UnitsSetting): { text: string; unit: string } | null {
  const toMps = SPEED_TO_MS[r.speedUnit?.trim().toLowerCase() ?? "mph"];
  if (!toMps) return pair(r.avgSpeed, r.maxSpeed, 1) === null ? null : { text: pair(r.avgSpeed, r.maxSpeed, 1) ?? "", unit: r.speedUnit ?? "" };
  const speed = (v: number | null) => (v === null ? null : speedIn(v * toMps, units).value);
  const text = pair(speed(r.avgSpeed), speed(r.maxSpeed), 1);
  return text === null ? null : { text, unit: speedIn(0, units).unit };
}

export function summaryStats({ figures: f, discipline, reported: r, ftpWatts, units }: SummaryInput): SummaryStat[] {
  const rowing = discipline === "caesar" || discipline === "rowing";
  const distance = summaryDistance(f.distanceMeters, r?.distanceUnit ?? null, units);
  const speed = r ? reportedSpeed(r, units) : null;
  // Peloton's elevation is in feet (docs/peloton-api.md, "Units")
  const elevation = r?.elevation === null || r?.elevation === undefined ? null : elevationIn(r.elevation * FOOT, units);
  const power = pair(f.avgPower, f.maxPower);
  const cadence = pair(f.avgCadence, f.maxCadence);
  const heartRate = pair(f.avgHeartRate, f.maxHeartRate);
  const stats: (SummaryStat | null)[] = [
    f.durationSeconds > 0 ? { key: "duration", label: "Duration", value: formatDuration(f.durationSeconds), hint: "timer time, as in the FIT file", origin: "computed" } : null,
    distance && { key: "distance", label: "Distance", value: formatNumber(distance.value, distance.unit === "m" ? 0 : SUMMARY_DECIMALS.distance), unit: distance.unit, origin: "peloton" },
    f.workKj === null ? null : { key: "work", label: "Total output", value: formatNumber(f.workKj), unit: "kJ", origin: "peloton" },
    f.calories === null ? null : { key: "calories", label: "Calories", value: formatNumber(f.calories), unit: "kcal", origin: "peloton" },
    power === null ? null : { key: "power", label: "Output avg / max", value: power, unit: "W", hint: pelotonHint(power, r?.peloton?.output, "W"), origin: "computed" },
    cadence === null
      ? null
      : {
          key: "cadence",
          label: rowing ? "Stroke rate avg / max" : "Cadence avg / max",
          value: cadence,
          unit: rowing ? "spm" : "rpm",
          hint: pelotonHint(cadence, r?.peloton?.cadence, rowing ? "spm" : "rpm"),
          origin: "computed",
        },
    r && pair(r.avgResistance, r.maxResistance) !== null
      ? { key: "resistance", label: "Resistance avg / max", value: pair(r.avgResistance, r.maxResistance) ?? "", unit: "%", origin: "peloton" }
      : null,
    speed && { key: "speed", label: "Speed avg / max", value: speed.text, unit: speed.unit || undefined, origin: "peloton" },
    heartRate === null
      ? null
      : { key: "heartRate", label: "Heart rate avg / max", value: heartRate, unit: "bpm", hint: pelotonHint(heartRate, r?.peloton?.heartRate, "bpm"), origin: "computed" },
    f.normalizedPower === null
      ? null
      : { key: "normalizedPower", label: "Normalized power", value: formatNumber(f.normalizedPower), unit: "W", hint: "computed from 1-second power", origin: "computed" },
    f.intensityFactor === null
      ? null
      : { key: "intensityFactor", label: "Intensity factor", value: formatNumber(f.intensityFactor, 2), hint: ftpWatts ? `computed · FTP ${ftpWatts} W` : "computed", origin: "computed" },
    f.tss === null ? null : { key: "tss", label: "TSS", value: formatNumber(f.tss), hint: "computed from 1-second power", origin: "computed" },
    elevation && { key: "elevation", label: "Elevation", value: formatNumber(elevation.value), unit: elevation.unit, origin: "peloton" },
  ];
  return stats.filter((s): s is SummaryStat => s !== null);
}

/** The workout page's summary: the figures (the same as its FIT file's and its comparison's) and how they are shown. */
export interface WorkoutPageSummary {
  figures: ActivityFigures;
  stats: SummaryStat[];
}
