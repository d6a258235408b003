import "server-only";
import { exportFileName } from "./encode";
import { tileLaps } from "./laps";
import { caloriesFromWork, distanceTrack, summarizeSpan, type Samples } from "@/lib/metrics/activity-summary";
import type { Activity } from "@/lib/domain/activity";

/**
 * Activity → Garmin Training Center Database v2 (TCX) XML (pure).
 *
 * Elements follow the XSD sequences (TrainingCenterDatabasev2.xsd, ActivityExtensionv2.xsd):
 *   Activity: Id, Lap+, Notes?, Creator?
 *   Lap:      TotalTimeSeconds, DistanceMeters, MaximumSpeed?, Calories, AverageHeartRateBpm?, MaximumHeartRateBpm?,
 *             Intensity, Cadence?, TriggerMethod, Track?, Extensions/LX?
 *   Trackpoint: Time, Position?, AltitudeMeters?, DistanceMeters?, HeartRateBpm?, Cadence?, Extensions/TPX(Speed?, RunCadence?, Watts?)?
 * Laps tile the ride (laps.ts). One trackpoint per second that has any reading; a lap without any has no Track (the
 * schema wants at least one Trackpoint per Track). Lap figures come from summary.ts, like the FIT laps. Calories are
 * estimated from work (1 kJ ≈ 1 kcal), 0 without power. Heart rate 0 is left out (the schema's minimum is 1);
 * running cadence goes to TPX RunCadence, since Trackpoint Cadence is bike cadence.
 */
export const TCX_NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
export const TCX_EXTENSION_NAMESPACE = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

export interface EncodeTcxOptions {
  /** Creator device name (default "AutoCoach") */
  creatorName?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

/** A decimal without exponent or trailing zeros: 12.5, 3, 0.125. */
export function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

function tcxSport(activity: Activity): "Biking" | "Running" | "Other" {
  if (activity.sport === "cycling") return "Biking";
  if (activity.sport === "running") return "Running";
  return "Other";
}

const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function at(values: Samples | undefined | null, i: number): number | null {
  const v = values?.[i];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function byteValue(v: number | null, min: number): number | null {
  if (v === null) return null;
  const rounded = Math.round(v);
  return rounded >= min && rounded <= 254 ? rounded : null;
}

function trackpoint(activity: Activity, track: Samples | null, i: number, startMs: number, running: boolean): string | null {
  const { power, cadence, heartRate, speed, altitude, latitude, longitude } = activity.samples;
  const hr = byteValue(at(heartRate, i), 1);
  const rpm = byteValue(at(cadence, i), 0);
  const watts = at(power, i);
  const ms = at(speed, i);
  const alt = at(altitude, i);
  const dist = at(track, i);
  const lat = at(latitude, i);
  const lon = at(longitude, i);
  const position = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (hr === null && rpm === null && watts === null && ms === null && alt === null && dist === null && !position) return null;
  const parts = [`<Trackpoint><Time>${isoSecond(startMs + i * 1000)}</Time>`];
  if (position) parts.push(`<Position><LatitudeDegrees>${formatNumber(lat, 7)}</LatitudeDegrees><LongitudeDegrees>${formatNumber(lon, 7)}</LongitudeDegrees></Position>`);
  if (alt !== null) parts.push(`<AltitudeMeters>${formatNumber(alt, 2)}</AltitudeMeters>`);
  if (dist !== null) parts.push(`<DistanceMeters>${formatNumber(dist, 2)}</DistanceMeters>`);
  if (hr !== null) parts.push(`<HeartRateBpm><Value>${hr}</Value></HeartRateBpm>`);
  if (rpm !== null && !running) parts.push(`<Cadence>${rpm}</Cadence>`);
  const tpx: string[] = [];
  if (ms !== null && ms >= 0) tpx.push(`<ns3:Speed>${formatNumber(ms, 3)}</ns3:Speed>`);
  if (rpm !== null && running) tpx.push(`<ns3:RunCadence>${rpm}</ns3:RunCadence>`);
  if (watts !== null && watts >= 0 && watts <= 65535) tpx.push(`<ns3:Watts>${Math.round(watts)}</ns3:Watts>`);
  if (tpx.length) parts.push(`<Extensions><ns3:TPX>${tpx.join("")}</ns3:TPX></Extensions>`);
  parts.push("</Trackpoint>");
  return parts.join("");
}

export function encodeTcx(activity: Activity, opts: EncodeTcxOptions = {}): string {
  const startMs = Math.round(activity.startTime.getTime() / 1000) * 1000;
  const running = activity.sport === "running";
  const track = distanceTrack(activity);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<TrainingCenterDatabase xmlns="${TCX_NAMESPACE}" xmlns:ns3="${TCX_EXTENSION_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${TCX_NAMESPACE} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd">`,
    "<Activities>",
    `<Activity Sport="${tcxSport(activity)}">`,
    `<Id>${isoSecond(startMs)}</Id>`,
  ];
  const laps = tileLaps(activity.laps, activity.length);
  // The schema requires at least one Lap: an empty activity still gets a zero-length one.
  for (const lap of laps.length ? laps : [{ start: 0, end: 0, name: null }]) {
    const s = summarizeSpan(activity, track, lap.start, lap.end);
    out.push(`<Lap StartTime="${isoSecond(startMs + lap.start * 1000)}">`);
    out.push(`<TotalTimeSeconds>${formatNumber(s.seconds, 1)}</TotalTimeSeconds>`);
    out.push(`<DistanceMeters>${formatNumber(s.distanceMeters ?? 0, 2)}</DistanceMeters>`);
    if (s.maxSpeed !== null) out.push(`<MaximumSpeed>${formatNumber(s.maxSpeed, 3)}</MaximumSpeed>`);
    out.push(`<Calories>${Math.min(65535, caloriesFromWork(s.workJoules) ?? 0)}</Calories>`);
    const avgHr = byteValue(s.avgHeartRate, 1);
    const maxHr = byteValue(s.maxHeartRate, 1);
    if (avgHr !== null) out.push(`<AverageHeartRateBpm><Value>${avgHr}</Value></AverageHeartRateBpm>`);
    if (maxHr !== null) out.push(`<MaximumHeartRateBpm><Value>${maxHr}</Value></MaximumHeartRateBpm>`);
    out.push("<Intensity>Active</Intensity>");
    const avgCadence = byteValue(s.avgCadence, 0);
    if (avgCadence !== null && !running) out.push(`<Cadence>${avgCadence}</Cadence>`);
    out.push("<TriggerMethod>Manual</TriggerMethod>");
    const points: string[] = [];
    for (let i = lap.start; i < lap.end; i++) {
      const point = trackpoint(activity, track, i, startMs, running);
      if (point !== null) points.push(point);
    }
    if (points.length) out.push("<Track>", ...points, "</Track>");
    const lx: string[] = [];
    if (s.avgSpeed !== null) lx.push(`<ns3:AvgSpeed>${formatNumber(s.avgSpeed, 3)}</ns3:AvgSpeed>`);
    const maxCadence = byteValue(s.maxCadence, 0);
    if (maxCadence !== null && !running) lx.push(`<ns3:MaxBikeCadence>${maxCadence}</ns3:MaxBikeCadence>`);
    if (avgCadence !== null && running) lx.push(`<ns3:AvgRunCadence>${avgCadence}</ns3:AvgRunCadence>`);
    if (maxCadence !== null && running) lx.push(`<ns3:MaxRunCadence>${maxCadence}</ns3:MaxRunCadence>`);
    if (s.avgPower !== null) lx.push(`<ns3:AvgWatts>${Math.round(s.avgPower)}</ns3:AvgWatts>`);
    if (s.maxPower !== null) lx.push(`<ns3:MaxWatts>${Math.round(s.maxPower)}</ns3:MaxWatts>`);
    if (lx.length) out.push(`<Extensions><ns3:LX>${lx.join("")}</ns3:LX></Extensions>`);
    out.push("</Lap>");
  }
  if (activity.title?.trim()) out.push(`<Notes>${escapeXml(activity.title.trim())}</Notes>`);
  const creator = escapeXml(opts.creatorName?.trim() || "AutoCoach");
  out.push(
    `<Creator xsi:type="Device_t"><Name>${creator}</Name><UnitId>0</UnitId><ProductID>0</ProductID><Version><VersionMajor>1</VersionMajor><VersionMinor>0</VersionMinor></Version></Creator>`,
  );
  out.push("</Activity>", "</Activities>", "</TrainingCenterDatabase>");
  return out.join("\n");
}

/** The file name for an activity's TCX: its local start in the user's zone and its title, as fitFileName. */
export function tcxFileName(activity: Activity, timeZone?: string | null): string {
  return exportFileName(activity, "tcx", timeZone);
}
