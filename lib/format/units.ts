/** Peloton's display units in SI (pure): distances to metres, speeds to m/s, paces by the distance they are per. */
export const FOOT = 0.3048;
export const METERS_PER: Readonly<Record<string, number>> = { mi: 1609.344, km: 1000, m: 1, ft: FOOT, yd: 0.9144 };
export const SPEED_TO_MS: Readonly<Record<string, number>> = { mph: 0.44704, kph: 1 / 3.6, "km/h": 1 / 3.6, "m/s": 1 };
/** metres per unit of a pace's distance, keyed by pace unit */
export const PACE_METERS: Readonly<Record<string, number>> = { "min/mi": 1609.344, "min/km": 1000, "min/500m": 500 };

/** Metres in one `unit` ("mi", "km", "m", …; case and spaces ignored), or null for a unit we do not know. */
export function metersPer(unit: string | null | undefined): number | null {
  return METERS_PER[unit?.trim().toLowerCase() ?? ""] ?? null;
}
