/** Running pace from a speed, as TrainingPeaks shows thresholds. */

/** Threshold pace in seconds per km from a speed in m/s. */
export function paceSecondsPerKm(speedMps: number | null): number | null {
  return speedMps && speedMps > 0 ? Math.round(1000 / speedMps) : null;
}

export function formatPace(secondsPerKm: number | null, units: "metric" | "imperial" = "metric"): string {
  if (secondsPerKm === null) return "—";
  const perUnit = units === "imperial" ? secondsPerKm * 1.609344 : secondsPerKm;
  const total = Math.round(perUnit);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")} /${units === "imperial" ? "mi" : "km"}`;
}
