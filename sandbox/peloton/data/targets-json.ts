import type { MemberSpec } from "./members";
import {
  KM_PER_MI, ROW_INTENSITIES, TREAD_INTENSITIES, bikePower, powerZoneOf, rowSplitSeconds, treadSpeedMph, zoneWatts,
} from "./physics";
import type { Series } from "./series";
import { round } from "./summary";
import type { ClassPlan, TargetBlock, WorkoutHeader } from "./types";

/** Target blocks as the API spells them (docs/peloton-api.md §5.7 `target_metrics_data.target_metrics`). */
export function targetMetricsJson(plan: ClassPlan): Array<Record<string, unknown>> {
  return plan.targets.map((t) => {
    const metrics: Array<{ name: string; lower: number; upper: number }> = [];
    if (t.type === "power_zone" && t.zone) metrics.push({ name: "power_zone", lower: t.zone, upper: t.zone });
    if (t.resistance) metrics.push({ name: "resistance", lower: t.resistance[0], upper: t.resistance[1] });
    if (t.cadence) metrics.push({ name: "cadence", lower: t.cadence[0], upper: t.cadence[1] });
    if (t.paceIntensity !== undefined) metrics.push({ name: "pace_intensity", lower: t.paceIntensity, upper: t.paceIntensity });
    if (t.incline) metrics.push({ name: "incline", lower: t.incline[0], upper: t.incline[1] });
    if (t.strokeRate) metrics.push({ name: "stroke_rate", lower: t.strokeRate[0], upper: t.strokeRate[1] });
    // "cycling" for cue blocks is this simulator's guess; the spec only lists power_zone, running, floor…, free_mode.
    const segmentType = t.type === "cues" ? "cycling" : t.type;
    return { offsets: { start: t.start, end: t.end }, segment_type: segmentType, metrics };
  });
}

/** Cycling instructor cues (non-power-zone rides). */
export function instructorCuesJson(plan: ClassPlan): Array<Record<string, unknown>> {
  return plan.targets
    .filter((t) => t.type === "cues" && t.cadence && t.resistance)
    .map((t) => ({
      offsets: { start: t.start, end: t.end },
      resistance_range: { upper: t.resistance?.[1], lower: t.resistance?.[0] },
      cadence_range: { upper: t.cadence?.[1], lower: t.cadence?.[0] },
    }));
}

/** Pace tables: tread in min/mi (or min/km), row in min/500m; level_1..level_10 (docs/peloton-api.md §5.7). */
export function paceIntensitiesJson(plan: ClassPlan, unit: "mi" | "km"): Array<Record<string, unknown>> | undefined {
  const f = unit === "km" ? KM_PER_MI : 1;
  const levels = Array.from({ length: 10 }, (_, i) => i + 1);
  if (plan.kind === "tread_run" || plan.kind === "tread_walk") {
    const walking = plan.kind === "tread_walk";
    return TREAD_INTENSITIES.map((name, value) => ({
      value,
      display_name: name,
      pace_levels: levels.map((level) => {
        const speed = treadSpeedMph(level, value, walking) * f;
        return { slug: `level_${level}`, display_name: `Level ${level}`, fast_pace: round(60 / (speed * 1.03), 2), slow_pace: round(60 / (speed * 0.97), 2) };
      }),
    }));
  }
  if (plan.discipline === "caesar") {
    return ROW_INTENSITIES.map(({ value, name }) => ({
      value,
      display_name: name,
      pace_levels: levels.map((level) => {
        const split = rowSplitSeconds(level, value);
        return { slug: `level_${level}`, display_name: `Level ${level}`, fast_pace: round((split - 3) / 60, 2), slow_pace: round((split + 3) / 60, 2) };
      }),
    }));
  }
  return undefined;
}

/** Expected output (kJ) for a ride at an FTP: power zone edges, or cue ranges through the bike model. */
export function expectedOutput(plan: ClassPlan, ftp: number): { expected_upper_output: number; expected_lower_output: number } | undefined {
  if (plan.discipline !== "cycling" || !plan.targets.length) return undefined;
  let lower = 0;
  let upper = 0;
  for (const t of plan.targets) {
    const secs = t.end - t.start + 1;
    if (t.type === "power_zone" && t.zone) {
      const w = zoneWatts(t.zone, ftp);
      lower += (t.zone === 1 ? 0.4 * ftp : w.lower) * secs;
      upper += (t.zone === 7 ? 1.75 * ftp : w.upper) * secs;
    } else if (t.cadence && t.resistance) {
      lower += bikePower(t.cadence[0], t.resistance[0]) * secs;
      upper += bikePower(t.cadence[1], t.resistance[1]) * secs;
    } else {
      lower += 0.9 * ftp * secs;
      upper += 1.1 * ftp * secs;
    }
  }
  return { expected_upper_output: Math.round(upper / 1000), expected_lower_output: Math.round(lower / 1000) };
}

/** Seconds the rider spent inside each target metric's range. */
export function timeInMetric(member: MemberSpec, header: WorkoutHeader, series: Series): Array<{ name: string; value: number }> {
  const counts = new Map<string, number>();
  const bump = (name: string, hit: boolean) => counts.set(name, (counts.get(name) ?? 0) + (hit ? 1 : 0));
  const { plan } = header;
  const ftp = header.ftpIn.ftp || member.startFtp;
  const f = member.distanceUnit === "km" ? KM_PER_MI : 1;
  const within = (v: number | undefined, r: readonly [number, number] | undefined) => v !== undefined && !!r && v >= r[0] && v <= r[1];
  let block: TargetBlock | undefined;
  let b = 0;
  for (let s = 0; s < series.n; s++) {
    const t = plan.pedalingStart + s;
    while (b < plan.targets.length && (plan.targets[b]?.end ?? 0) < t) b++;
    block = plan.targets[b];
    if (!block || block.start > t || block.type === "free_mode") continue;
    if (block.type === "power_zone") bump("power_zone", powerZoneOf(series.output?.[s] ?? 0, ftp) === block.zone);
    if (block.cadence) bump("cadence", within(series.cadence?.[s], block.cadence));
    if (block.resistance) bump("resistance", within(series.resistance?.[s], block.resistance));
    if (block.incline) bump("incline", within(series.incline?.[s], [block.incline[0] - 0.25, block.incline[1] + 0.25]));
    if (block.strokeRate) bump("stroke_rate", within(series.strokeRate?.[s], block.strokeRate));
    if (block.paceIntensity !== undefined && block.type === "running") {
      const target = treadSpeedMph(member.paceLevel, block.paceIntensity, plan.kind === "tread_walk") * f;
      bump("pace_intensity", within(series.speed?.[s], [target * 0.97, target * 1.03]));
    }
    if (block.paceIntensity !== undefined && block.type === "caesar") {
      const split = rowSplitSeconds(member.paceLevel, block.paceIntensity) / 60;
      bump("pace_intensity", within(series.splitPace?.[s], [split - 0.05, split + 0.05]));
    }
  }
  return [...counts].map(([name, value]) => ({ name, value }));
}
