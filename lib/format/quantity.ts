import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatFixed } from "./intl";
import { FOOT, METERS_PER, SPEED_TO_MS, metersPer } from "./units";

/**
 * Distance, speed, pace and elevation in the user's unit system (Settings → Units), one function per quantity (pure).
 * Metric: km, km/h, min/km, m. Imperial: mi, mph, min/mi, ft. Inputs are SI (metres, m/s), so every page converts
 * from one stored figure; FIT and TCX files stay SI whatever the setting.
 */
export const METRES_PER_MILE = METERS_PER.mi ?? 1609.344;

export interface Quantity {
  value: number;
  unit: string;
}

const MPS_PER_MPH = SPEED_TO_MS.mph ?? 0.44704;

/** Metres a pace is quoted per: a km or a mile. */
export function paceMetres(units: UnitsSetting): number {
  return units === "imperial" ? METRES_PER_MILE : 1000;
}

export function distanceIn(metres: number, units: UnitsSetting): Quantity {
  return units === "imperial" ? { value: metres / METRES_PER_MILE, unit: "mi" } : { value: metres / 1000, unit: "km" };
}

/** A distance Peloton gave in its own unit ("mi", "km", "m"; km when it gave none) in the user's; null for an unknown unit. */
export function distanceFromUnit(value: number | null | undefined, unit: string | null | undefined, units: UnitsSetting): Quantity | null {
  const perUnit = metersPer(unit ?? "km");
  return usable(value) && perUnit !== null ? distanceIn(value * perUnit, units) : null;
}

export function speedIn(metresPerSecond: number, units: UnitsSetting): Quantity {
  return units === "imperial" ? { value: metresPerSecond / MPS_PER_MPH, unit: "mph" } : { value: metresPerSecond * 3.6, unit: "km/h" };
}

export function elevationIn(metres: number, units: UnitsSetting): Quantity {
  return units === "imperial" ? { value: metres / FOOT, unit: "ft" } : { value: metres, unit: "m" };
}

/** Body weight: kg, or lb for an imperial user. */
export function weightIn(kilograms: number, units: UnitsSetting): Quantity {
  return units === "imperial" ? { value: kilograms / 0.45359237, unit: "lb" } : { value: kilograms, unit: "kg" };
}

/** Seconds per km or mile at a speed in m/s; null when not moving. */
export function paceSecondsIn(metresPerSecond: number | null | undefined, units: UnitsSetting): number | null {
  return typeof metresPerSecond === "number" && metresPerSecond > 0 && Number.isFinite(metresPerSecond) ? paceMetres(units) / metresPerSecond : null;
}

const usable = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** "12.3 km" / "7.6 mi"; under 1 km "850 m", under 0.1 mi "330 ft"; nothing (0, null) → "—". */
export function formatDistance(metres: number | null | undefined, units: UnitsSetting, decimals = 1): string {
  if (!usable(metres) || metres <= 0) return "—";
  if (units === "imperial" && metres < METRES_PER_MILE / 10) return `${formatFixed(metres / FOOT, 0)} ft`;
  if (units === "metric" && metres < 1000) return `${formatFixed(metres, 0)} m`;
  const q = distanceIn(metres, units);
  return `${formatFixed(q.value, decimals)} ${q.unit}`;
}

/** "32.4 km/h" / "20.1 mph". */
export function formatSpeed(metresPerSecond: number | null | undefined, units: UnitsSetting, decimals = 1): string {
  if (!usable(metresPerSecond) || metresPerSecond < 0) return "—";
  const q = speedIn(metresPerSecond, units);
  return `${formatFixed(q.value, decimals)} ${q.unit}`;
}

/** m/s → "4:30 /km" / "7:14 /mi" (minutes:seconds, rounded to the second). */
export function formatPace(metresPerSecond: number | null | undefined, units: UnitsSetting): string {
  const seconds = paceSecondsIn(metresPerSecond, units);
  if (seconds === null) return "—";
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")} /${units === "imperial" ? "mi" : "km"}`;
}

/** "120 m" / "394 ft". */
export function formatElevation(metres: number | null | undefined, units: UnitsSetting): string {
  if (!usable(metres)) return "—";
  const q = elevationIn(metres, units);
  return `${formatFixed(q.value, 0)} ${q.unit}`;
}
