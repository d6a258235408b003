import type { PowerZoneTarget, RangeTarget, TimeSpan } from "@/lib/domain/targets";
import { formatRange, type ValueFormat } from "./chart-format";
import { powerZoneOf, powerZones } from "./zones";

/**
 * Class targets → drawable bands with a classification rule (pure).
 *
 * Power zones. A zone span zoneLower–zoneUpper is drawn from the lower watts of zoneLower to the upper watts of
 * zoneUpper, as `powerZones(ftp)` gives them (FTP 200: Z4 181–210 W; a Z3–4 range 151–210 W). Z7 has no upper bound;
 * its band is drawn up to a cap, the larger of 2 × FTP and the ride's max output. A reading counts as in range when
 * `powerZoneOf` puts it in zoneLower…zoneUpper, whose edges are the ones the drawn ranges come from (zones.ts), so a
 * reading inside a drawn band always counts as in range.
 *
 * Ranges (cadence, resistance, speed, incline, stroke rate): inclusive on both ends, in the channel's units.
 * Speed targets come from Peloton in mph; on a kph channel they are converted (× 1.609344, one decimal).
 */
export type Effort = -1 | 0 | 1;

/** One target span, ready to draw and to classify readings against. */
export interface ResolvedTarget extends TimeSpan {
  lower: number;
  upper: number;
  label: string;
  zone: number | null;
  openUpper: boolean;
  /** −1 easier than the target, 0 in range, 1 harder */
  classify: (value: number) => Effort;
}

const EPSILON = 1e-9;

export function classifyRange(value: number, lower: number, upper: number): Effort {
  if (value < lower - EPSILON * Math.max(1, Math.abs(lower))) return -1;
  if (value > upper + EPSILON * Math.max(1, Math.abs(upper))) return 1;
  return 0;
}

/** Spans starting at or after `end` are dropped; the rest are cut at `end`. */
export function clipSpans<T extends TimeSpan>(spans: readonly T[], end: number): T[] {
  return spans.filter((s) => s.start < end && s.end > s.start).map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(end, s.end) }));
}

/** Display cap for the open-ended Z7: 2 × FTP, or the ride's max output when higher. */
export function zone7Cap(ftp: number, rideMaxWatts: number | null): number {
  return Math.max(Math.round(2 * ftp), rideMaxWatts === null ? 0 : Math.ceil(rideMaxWatts));
}

export function powerZoneBands(spans: readonly PowerZoneTarget[], ftp: number, rideMaxWatts: number | null): ResolvedTarget[] {
  const zones = powerZones(ftp);
  if (!zones.length) return [];
  const cap = zone7Cap(ftp, rideMaxWatts);
  const out: ResolvedTarget[] = [];
  for (const span of spans) {
    const zl = Math.min(7, Math.max(1, Math.round(Math.min(span.zoneLower, span.zoneUpper))));
    const zu = Math.min(7, Math.max(1, Math.round(Math.max(span.zoneLower, span.zoneUpper))));
    const lowerZone = zones[zl - 1];
    const upperZone = zones[zu - 1];
    if (!lowerZone || !upperZone) continue;
    const openUpper = upperZone.maxWatts === null;
    const lower = lowerZone.minWatts;
    const upper = upperZone.maxWatts ?? cap;
    const name = zl === zu ? `Z${zl}` : `Z${zl}–${zu}`;
    const watts = openUpper ? `${lower}+ W` : `${lower}–${upper} W`;
    out.push({
      start: span.start,
      end: span.end,
      lower,
      upper,
      label: `${name} ${watts}`,
      zone: zu,
      openUpper,
      classify: (value) => {
        const zone = powerZoneOf(Math.max(0, value), ftp);
        if (zone === null) return 0;
        return zone < zl ? -1 : zone > zu ? 1 : 0;
      },
    });
  }
  return out;
}

export function rangeBands(spans: readonly RangeTarget[], format: ValueFormat, scale = 1, decimals = 1): ResolvedTarget[] {
  return spans.map((span) => {
    const lower = scale === 1 ? span.lower : Math.round(span.lower * scale * 10 ** decimals) / 10 ** decimals;
    const upper = scale === 1 ? span.upper : Math.round(span.upper * scale * 10 ** decimals) / 10 ** decimals;
    return {
      start: span.start,
      end: span.end,
      lower,
      upper,
      label: formatRange(lower, upper, format),
      zone: null,
      openUpper: false,
      classify: (value) => classifyRange(value, lower, upper),
    };
  });
}

export const KPH_PER_MPH = 1.609344;

/** Peloton's speed targets are mph: the factor that puts them in a channel's unit. */
export function speedTargetScale(channelUnit: string): number {
  const unit = channelUnit.trim().toLowerCase();
  return unit === "kph" || unit === "km/h" ? KPH_PER_MPH : 1;
}
