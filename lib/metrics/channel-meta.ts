import type { ChannelName } from "@/lib/domain/series";

/**
 * How each sample channel is shown: label, unit when Peloton sent none, decimals kept for display and whether it is a
 * pace (decimal minutes per unit; lower is faster, so its axis is drawn reversed). Pure data, no I/O.
 */
export interface ChannelMeta {
  label: string;
  defaultUnit: string;
  decimals: number;
  pace: boolean;
}

const meta = (label: string, defaultUnit: string, decimals: number, pace = false): ChannelMeta => ({ label, defaultUnit, decimals, pace });

export const CHANNEL_META: Record<ChannelName, ChannelMeta> = {
  output: meta("Output", "W", 0),
  cadence: meta("Cadence", "rpm", 0),
  resistance: meta("Resistance", "%", 0),
  speed: meta("Speed", "mph", 1),
  heart_rate: meta("Heart rate", "bpm", 0),
  pace: meta("Pace", "min/mi", 2, true),
  incline: meta("Incline", "%", 1),
  altitude: meta("Elevation", "ft", 0),
  stroke_rate: meta("Stroke rate", "spm", 0),
  split_pace: meta("Split", "min/500m", 2, true),
  distance: meta("Distance", "mi", 2),
  latitude: meta("Latitude", "°", 6),
  longitude: meta("Longitude", "°", 6),
};

/** Channel order in the payload and the stacked charts. */
export const CHANNEL_ORDER: readonly ChannelName[] = [
  "output",
  "cadence",
  "resistance",
  "stroke_rate",
  "pace",
  "split_pace",
  "speed",
  "incline",
  "altitude",
  "heart_rate",
  "distance",
];

/** Peloton's display units → what we print ("watts" → "W"); anything else is kept. */
export function displayUnit(channel: ChannelName, unit: string | undefined): string {
  const raw = unit?.trim();
  if (!raw) return CHANNEL_META[channel].defaultUnit;
  if (raw.toLowerCase() === "watts") return "W";
  return raw;
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * A reading as charts and compliance see it: non-finite → null. A pace of 0 or less is Peloton's "not moving" and a
 * heart rate of 0 or less is "no strap", neither a real reading, so both are null too. Zero output, cadence and speed
 * are real (coasting, standing still) and stay.
 */
export function readingOf(channel: ChannelName, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (dropsNonPositive(channel) && value <= 0) return null;
  return value;
}

/** Whether readingOf drops the channel's readings of 0 or less (paces and heart rate). */
export function dropsNonPositive(channel: ChannelName): boolean {
  return CHANNEL_META[channel].pace || channel === "heart_rate";
}
