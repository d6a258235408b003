import type { PaceIntensityLevel, PaceIntensityTarget } from "@/lib/domain/targets";
import { formatPace, paceSuffix } from "./chart-format";
import { classifyRange, type Effort, type ResolvedTarget } from "./target-bands";

/**
 * Pace-intensity targets → pace (or speed) ranges through the user's pace level (pure).
 *
 * Resolution. A target carries an intensity value (tread 0 "Recovery" … 6 "Max"; row −1 "Recovery" … 3 "Max"). The
 * class's table (`paceIntensityLevels`) lists, for that value, ten pace levels ("level_1" … "level_10"), each with
 * the fastest and slowest pace in seconds per unit. The user's pace level N picks the entry with slug "level_N"
 * (or, failing that, the N-th entry). Without a pace level, a table or a matching entry nothing is resolved.
 *
 * Units. Peloton sends the table in the member's display unit, the same unit as the workout's pace channel (tread
 * min/mi or min/km, row min/500m); we take that unit as given. On a pace channel (decimal minutes) the band is
 * fast/60 … slow/60 and the axis is reversed so "faster" is up. When the workout has only a speed channel
 * (mph or kph, the matching distance unit), the band is 3600/slow … 3600/fast.
 *
 * Classification: a reading faster than the fast bound is "over" (harder), slower than the slow bound "under".
 */
export interface ResolvedPace {
  name: string;
  fastSeconds: number;
  slowSeconds: number;
}

export function paceLevelRange(levels: readonly PaceIntensityLevel[], intensity: number, paceLevel: number): ResolvedPace | null {
  const level = Math.round(paceLevel);
  if (!Number.isFinite(level) || level < 1) return null;
  const entry = levels.find((l) => l.value === intensity);
  if (!entry) return null;
  const row = entry.levels.find((l) => l.slug === `level_${level}`) ?? entry.levels[level - 1];
  const fast = row?.fastSeconds ?? null;
  const slow = row?.slowSeconds ?? null;
  if (fast === null || slow === null || !(fast > 0) || !(slow > 0)) return null;
  return { name: entry.name, fastSeconds: Math.min(fast, slow), slowSeconds: Math.max(fast, slow) };
}

export function validPaceLevel(level: number | null | undefined): level is number {
  return typeof level === "number" && Number.isFinite(level) && Math.round(level) >= 1 && Math.round(level) <= 10;
}

/** A pace above the range is slower, i.e. easier. */
const invert = (effort: Effort): Effort => (effort === 1 ? -1 : effort === -1 ? 1 : 0);

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

type PaceRange = NonNullable<ReturnType<typeof paceLevelRange>>;

/** One band per span whose intensity resolves at this pace level (unresolvable spans are left out). */
function bandsOf(
  spans: readonly PaceIntensityTarget[],
  levels: readonly PaceIntensityLevel[],
  paceLevel: number,
  band: (pace: PaceRange) => Pick<ResolvedTarget, "lower" | "upper" | "label" | "classify">,
): ResolvedTarget[] {
  return spans.flatMap((span) => {
    const pace = paceLevelRange(levels, span.intensity, paceLevel);
    return pace ? [{ start: span.start, end: span.end, zone: null, openUpper: false, ...band(pace) }] : [];
  });
}

/** Pace-intensity spans as bands on a pace channel (decimal minutes per `unit`). */
export function paceIntensityBands(
  spans: readonly PaceIntensityTarget[],
  levels: readonly PaceIntensityLevel[],
  paceLevel: number,
  unit: string,
): ResolvedTarget[] {
  return bandsOf(spans, levels, paceLevel, ({ name, fastSeconds, slowSeconds }) => ({
    lower: round(fastSeconds / 60, 3),
    upper: round(slowSeconds / 60, 3),
    label: `${name} ${formatPace(fastSeconds / 60)}–${formatPace(slowSeconds / 60)} ${paceSuffix(unit)}`,
    classify: (minutes) => invert(classifyRange(minutes * 60, fastSeconds, slowSeconds)),
  }));
}

/** The same targets on a speed channel (mph for per-mile tables, kph for per-km). */
export function paceIntensitySpeedBands(
  spans: readonly PaceIntensityTarget[],
  levels: readonly PaceIntensityLevel[],
  paceLevel: number,
  unit: string,
): ResolvedTarget[] {
  return bandsOf(spans, levels, paceLevel, (pace) => {
    const lower = 3600 / pace.slowSeconds;
    const upper = 3600 / pace.fastSeconds;
    return {
      lower: round(lower, 2),
      upper: round(upper, 2),
      label: `${pace.name} ${lower.toFixed(1)}–${upper.toFixed(1)} ${unit}`,
      classify: (speed) => classifyRange(speed, lower, upper),
    };
  });
}
