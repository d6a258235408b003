import type { HeartRateZoneInfo, ZoneBand } from "./workout-chart-types";
import { heartRateZones } from "./zones";

/**
 * Heart-rate zones for the chart (pure).
 *
 * - LTHR known: Friel's seven zones from `heartRateZones(lthr)` (1, 2, 3, 4, 5a, 5b, 5c).
 * - Else max HR known: five zones by % of max HR, Z1 < 65 %, Z2 65–75 %, Z3 75–85 %, Z4 85–95 %, Z5 ≥ 95 %, each
 *   lower bound rounded to whole bpm (max HR 190: 124, 143, 162, 181).
 * - Neither: no zones.
 * A reading belongs to the highest zone whose lower bound it reaches, so the bpm between Friel's rounded bounds (LTHR
 * 170: Z1 ≤ 143, Z2 ≥ 145) go to the lower zone and each zone is drawn up to the next one's lower bound. The top zone
 * is drawn up to the larger of max HR, the ride's max and (Friel) 110 % of LTHR. Nulls are in no zone.
 */
interface ZoneBound {
  id: string;
  name: string;
  lower: number;
}

const MAX_HR_ZONES: { name: string; pct: number }[] = [
  { name: "Very light", pct: 0 },
  { name: "Light", pct: 0.65 },
  { name: "Moderate", pct: 0.75 },
  { name: "Hard", pct: 0.85 },
  { name: "Maximum", pct: 0.95 },
];

const usable = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

function bounds(hr: { maxHr: number | null; lthr: number | null }): { method: "lthr" | "max_hr"; basis: number; zones: ZoneBound[] } | null {
  if (usable(hr.lthr)) {
    const zones = heartRateZones(hr.lthr).map((z) => ({ id: z.zone, name: z.name, lower: z.minBpm }));
    return { method: "lthr", basis: hr.lthr, zones };
  }
  if (usable(hr.maxHr)) {
    const max = hr.maxHr;
    const zones = MAX_HR_ZONES.map((z, i) => ({ id: String(i + 1), name: z.name, lower: Math.round(z.pct * max) }));
    return { method: "max_hr", basis: max, zones };
  }
  return null;
}

/** Index of the zone a reading falls in (highest lower bound reached), or −1. */
export function zoneIndexOf(bpm: number, lowers: readonly number[]): number {
  let index = -1;
  for (let i = 0; i < lowers.length; i++) if (bpm >= (lowers[i] ?? Number.POSITIVE_INFINITY)) index = i;
  return index;
}

export function heartRateZoneInfo(
  hr: { maxHr: number | null; lthr: number | null },
  values: readonly (number | null)[] | null,
  intervalSeconds: number,
  rideMaxHr: number | null,
): HeartRateZoneInfo | null {
  const found = bounds(hr);
  if (!found) return null;
  const lowers = found.zones.map((z) => z.lower);
  const seconds = new Array<number>(lowers.length).fill(0);
  for (const v of values ?? []) {
    if (v === null || !Number.isFinite(v) || v <= 0) continue;
    const i = zoneIndexOf(v, lowers);
    if (i >= 0) seconds[i] = (seconds[i] ?? 0) + intervalSeconds;
  }
  const top = Math.max(usable(hr.maxHr) ? hr.maxHr : 0, rideMaxHr ?? 0, found.method === "lthr" ? Math.round(1.1 * found.basis) : 0);
  const zones: ZoneBand[] = found.zones.map((z, i) => {
    const next = found.zones[i + 1];
    const upper = next ? next.lower : Math.max(top, z.lower + 1);
    const range = i === 0 && next ? `< ${next.lower} bpm` : next ? `${z.lower}–${next.lower - 1} bpm` : `≥ ${z.lower} bpm`;
    return { id: z.id, name: z.name, lower: z.lower, upper, range, label: `Z${z.id} ${range}`, tone: i + 1, seconds: seconds[i] ?? 0 };
  });
  return { method: found.method, basis: found.basis, zones };
}
