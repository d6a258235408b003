/**
 * Rough physical models behind the generated samples. They only need to be plausible and
 * internally consistent (power ↔ cadence/resistance ↔ speed, pace ↔ speed), not exact.
 */
export const KM_PER_MI = 1.609344;
export const LB_PER_KG = 2.20462;

/** Mid-zone fraction of FTP for Peloton power zones 1–7 (docs/peloton-api.md §6 boundaries). */
export const ZONE_MID = [0, 0.47, 0.66, 0.83, 0.98, 1.13, 1.35, 1.6] as const;
/** Lower bounds of power zones 1–7 as a fraction of FTP; zone n spans [LOW[n], LOW[n+1]). */
export const ZONE_LOW = [0, 0, 0.56, 0.76, 0.91, 1.06, 1.21, 1.51, Number.POSITIVE_INFINITY] as const;

export function powerZoneOf(watts: number, ftp: number): number {
  if (ftp <= 0) return 0;
  const frac = watts / ftp;
  for (let z = 7; z >= 1; z--) if (frac >= (ZONE_LOW[z] ?? 0)) return z;
  return 1;
}

/** Watts for a zone's edges at an FTP, as the Peloton UI shows them (Z1 from 0, Z7 open-ended → 200 %). */
export function zoneWatts(zone: number, ftp: number): { lower: number; upper: number } {
  const lower = Math.round((ZONE_LOW[zone] ?? 0) * ftp);
  const upperFrac = ZONE_LOW[zone + 1] ?? 2;
  return { lower, upper: Math.round((Number.isFinite(upperFrac) ? upperFrac - 0.01 : 2) * ftp) };
}

// Bike: power ≈ cadence · 0.00792 · resistance^1.45 (≈150 W at 90 rpm / 40 %, ≈270 W at 90 rpm / 60 %).
export const bikePower = (cadence: number, resistance: number) => cadence * 0.00792 * Math.pow(Math.max(resistance, 0), 1.45);
// Lookup tables: these run for every generated second, and Math.pow dominates otherwise.
const RES_TABLE = Float64Array.from({ length: 4001 }, (_, i) => Math.min(100, Math.pow(i / 100 / 0.00792, 1 / 1.45)));
const SPEED_TABLE = Float64Array.from({ length: 3001 }, (_, w) => (w <= 0 ? 0 : 3.7 * Math.pow(w, 0.3)));

export function bikeResistance(power: number, cadence: number): number {
  if (cadence <= 0 || power <= 0) return 0;
  return RES_TABLE[Math.min(4000, Math.round((power / cadence) * 100))] ?? 100;
}

/** Virtual bike speed in mph. */
export function bikeSpeedMph(power: number): number {
  return power <= 0 ? 0 : (SPEED_TABLE[Math.min(3000, Math.round(power))] ?? 0);
}

export const TREAD_INTENSITIES = ["Recovery", "Easy", "Moderate", "Challenging", "Hard", "Very Hard", "Max"] as const;
const TREAD_FACTORS = [1, 1.18, 1.34, 1.5, 1.66, 1.82, 2.05];
const WALK_FACTORS = [1, 1.12, 1.25, 1.38, 1.5, 1.62, 1.75];

/** Treadmill speed (mph) for a pace level 1–10 and an intensity index 0–6. */
export function treadSpeedMph(level: number, intensity: number, walking: boolean): number {
  const k = Math.max(0, Math.min(6, Math.round(intensity)));
  return walking ? (2.6 + 0.15 * (level - 1)) * (WALK_FACTORS[k] ?? 1) : (3.2 + 0.45 * (level - 1)) * (TREAD_FACTORS[k] ?? 1);
}

export const ROW_INTENSITIES = [
  { value: -1, name: "Recovery", offset: 20 },
  { value: 0, name: "Easy", offset: 10 },
  { value: 1, name: "Moderate", offset: 0 },
  { value: 2, name: "Challenging", offset: -8 },
  { value: 3, name: "Max", offset: -16 },
] as const;

/** Rowing split in seconds per 500 m for a pace level and intensity −1..3. */
export function rowSplitSeconds(level: number, intensity: number): number {
  const entry = ROW_INTENSITIES.find((i) => i.value === intensity) ?? ROW_INTENSITIES[2];
  return 150 - 4 * (level - 1) + entry.offset;
}

/** Concept2's watts ↔ pace relation. */
export const rowPower = (splitSeconds: number) => 2.8 / Math.pow(splitSeconds / 500, 3);

/** Treadmill output: climbing work plus ≈1 J/kg/m of running cost. */
export function treadPower(weightKg: number, mps: number, inclinePct: number): number {
  return weightKg * mps * (inclinePct > 0 ? 1.04 + 9.81 * (inclinePct / 100) : 1.04) * 0.85;
}

/** Default heart-rate zone lower bounds (docs/peloton-api.md §6: <65, 65–75, 75–85, 85–95, ≥95 % of max). */
export function hrZoneBounds(maxHr: number): number[] {
  return [0, 0.65, 0.75, 0.85, 0.95].map((f) => Math.round(f * maxHr * 10) / 10);
}

export function hrZoneOf(bpm: number, maxHr: number): number {
  const bounds = hrZoneBounds(maxHr);
  for (let z = 5; z >= 1; z--) if (bpm >= (bounds[z - 1] ?? 0)) return z;
  return 1;
}

/** Effort points per minute in each HR zone (Peloton's "strive score" shape). */
export const EFFORT_PER_MINUTE = [0, 0.2, 0.5, 0.9, 1.4, 2.0] as const;
