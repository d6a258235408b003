/**
 * Class plans on the workout's own timeline: segments and the targets a class sets (power zones, cadence,
 * resistance, speed, incline, pace intensity, stroke rate). Owned by no provider; the Peloton transform fills them.
 */

/** A span of the class timeline in seconds since the workout's first sample (pedaling start), end exclusive. */
export interface TimeSpan {
  start: number;
  end: number;
}

export interface ClassSegment extends TimeSpan {
  name: string;
  /** icon_slug, e.g. "warmup", "cooldown", "climb", "intervals", "floor" */
  kind: string;
}

export interface PowerZoneTarget extends TimeSpan {
  /** 1–7; lower !== upper for a zone range such as "zone 3–4" */
  zoneLower: number;
  zoneUpper: number;
}

export interface RangeTarget extends TimeSpan {
  lower: number;
  upper: number;
}

/** Tread/row pace targets: an intensity level resolved later through the user's pace level. */
export interface PaceIntensityTarget extends TimeSpan {
  intensity: number;
}

export interface PaceIntensityLevel {
  value: number;
  name: string;
  /** pace levels by slug ("level_1"…): fastest/slowest pace in seconds per unit (per mile, km or 500 m) */
  levels: { slug: string; name: string; fastSeconds: number | null; slowSeconds: number | null }[];
}

export interface ClassTargets {
  powerZones: PowerZoneTarget[];
  cadence: RangeTarget[];
  resistance: RangeTarget[];
  /** tread speed targets (mph) and incline (%) where classes carry them */
  speed: RangeTarget[];
  incline: RangeTarget[];
  paceIntensity: PaceIntensityTarget[];
  paceIntensityLevels: PaceIntensityLevel[];
  /** row stroke-rate targets (spm); added by the workout transform, absent in older records */
  strokeRate?: RangeTarget[];
  /** expected total output range for the class, kJ */
  expectedOutputKj: { lower: number; upper: number } | null;
}

export function emptyTargets(): ClassTargets {
  return {
    powerZones: [],
    cadence: [],
    resistance: [],
    speed: [],
    incline: [],
    paceIntensity: [],
    paceIntensityLevels: [],
    strokeRate: [],
    expectedOutputKj: null,
  };
}

export function hasTargets(targets: ClassTargets): boolean {
  return (
    targets.powerZones.length > 0 ||
    targets.cadence.length > 0 ||
    targets.resistance.length > 0 ||
    targets.speed.length > 0 ||
    targets.incline.length > 0 ||
    targets.paceIntensity.length > 0 ||
    (targets.strokeRate?.length ?? 0) > 0
  );
}

/** Series indices [startIndex, endIndex) whose samples begin inside the span. */
export function spanToSampleRange(span: TimeSpan, series: { intervalSeconds: number; length: number }): { startIndex: number; endIndex: number } {
  const interval = series.intervalSeconds > 0 ? series.intervalSeconds : 1;
  const clamp = (i: number) => Math.min(series.length, Math.max(0, i));
  const startIndex = clamp(Math.ceil(span.start / interval));
  return { startIndex, endIndex: Math.max(startIndex, clamp(Math.ceil(span.end / interval))) };
}

/** The same keys besides start and end, with the same values (a sync merges thousands of per-sample spans: no copies). */
function sameValues(a: TimeSpan, b: TimeSpan): boolean {
  let count = 0;
  for (const key of Object.keys(a)) {
    if (key === "start" || key === "end") continue;
    if (!Object.hasOwn(b, key) || Reflect.get(b, key) !== Reflect.get(a, key)) return false;
    count++;
  }
  for (const key of Object.keys(b)) if (key !== "start" && key !== "end") count--;
  return count === 0;
}

/** Sort by start and merge touching spans that carry the same values. */
export function mergeSpans<T extends TimeSpan>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: T[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && last.end === span.start && sameValues(last, span)) last.end = span.end;
    else out.push({ ...span });
  }
  return out;
}
