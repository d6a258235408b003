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

export const CHANNEL_META: Record<ChannelName, ChannelMeta> = {
  output: { label: "Output", defaultUnit: "W", decimals: 0, pace: false },
  cadence: { label: "Cadence", defaultUnit: "rpm", decimals: 0, pace: false },
  resistance: { label: "Resistance", defaultUnit: "%", decimals: 0, pace: false },
  speed: { label: "Speed", defaultUnit: "mph", decimals: 1, pace: false },
  heart_rate: { label: "Heart rate", defaultUnit: "bpm", decimals: 0, pace: false },
  pace: { label: "Pace", defaultUnit: "min/mi", decimals: 2, pace: true },
  incline: { label: "Incline", defaultUnit: "%", decimals: 1, pace: false },
  altitude: { label: "Elevation", defaultUnit: "ft", decimals: 0, pace: false },
  stroke_rate: { label: "Stroke rate", defaultUnit: "spm", decimals: 0, pace: false },
  split_pace: { label: "Split", defaultUnit: "min/500m", decimals: 2, pace: true },
  distance: { label: "Distance", defaultUnit: "mi", decimals: 2, pace: false },
  latitude: { label: "Latitude", defaultUnit: "°", decimals: 6, pace: false },
  longitude: { label: "Longitude", defaultUnit: "°", decimals: 6, pace: false },
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
  if ((CHANNEL_META[channel].pace || channel === "heart_rate") && value <= 0) return null;
  return value;
}
