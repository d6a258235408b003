import { type Activity, decodeFailure, type DecodeResult, type Sample } from "./activity";
import type { WorkoutType } from "./workout-object";

/*
 * A deliberately small, tolerant TCX reader: regular expressions over the text, any namespace prefix, unknown
 * elements ignored. Enough for Garmin's TrainingCenterDatabase v2 and the ActivityExtension v2 `TPX` block.
 */

const PREFIX = "(?:[\\w.-]+:)?";

function blocks(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}${name}>`, "g");
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? "");
}

function textOf(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>\\s*([^<]*?)\\s*</${PREFIX}${name}>`).exec(xml);
  return match?.[1];
}

function numberOf(xml: string, name: string): number | undefined {
  const text = textOf(xml, name);
  const value = text === undefined || text === "" ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function sportOf(xml: string): WorkoutType | null {
  const sport = /<(?:[\w.-]+:)?Activity\s[^>]*Sport\s*=\s*["']([^"']*)["']/.exec(xml)?.[1]?.toLowerCase();
  if (sport === undefined) return null;
  return sport === "biking" ? "Bike" : sport === "running" ? "Run" : "Other";
}

function toSample(trackpoint: string): Sample | null {
  const t = Date.parse(textOf(trackpoint, "Time") ?? "");
  if (Number.isNaN(t)) return null;
  const heartRate = blocks(trackpoint, "HeartRateBpm")[0];
  return {
    t,
    heartRate: heartRate === undefined ? undefined : numberOf(heartRate, "Value"),
    cadence: numberOf(trackpoint, "Cadence") ?? numberOf(trackpoint, "RunCadence"),
    power: numberOf(trackpoint, "Watts"),
    speed: numberOf(trackpoint, "Speed"),
    distance: numberOf(trackpoint, "DistanceMeters"),
    altitude: numberOf(trackpoint, "AltitudeMeters"),
  };
}

function sum(values: (number | undefined)[]): number | null {
  const present = values.filter((value) => value !== undefined);
  return present.length === 0 ? null : present.reduce((total, value) => total + value, 0);
}

export function decodeTcx(xml: string): DecodeResult {
  const laps = blocks(xml, "Lap");
  const samples = laps
    .flatMap((lap) => blocks(lap, "Trackpoint"))
    .map(toSample)
    .filter((sample) => sample !== null)
    .sort((a, b) => a.t - b.t);
  if (samples.length === 0) return decodeFailure(400, "The TCX file contains no trackpoints with a time.");
  // Lap totals sit beside the Track; strip the track so its per-point DistanceMeters are not mistaken for them.
  const summaries = laps.map((lap) => lap.replace(new RegExp(`<${PREFIX}Track(?:\\s[^>]*)?>[\\s\\S]*?</${PREFIX}Track>`, "g"), ""));
  const startText = /<(?:[\w.-]+:)?Lap\s[^>]*StartTime\s*=\s*["']([^"']*)["']/.exec(xml)?.[1] ?? textOf(xml, "Id");
  const start = Date.parse(startText ?? "");
  const activity: Activity = {
    format: "tcx",
    sport: sportOf(xml),
    startMs: Number.isNaN(start) ? (samples[0]?.t ?? null) : start,
    timerSeconds: sum(summaries.map((lap) => numberOf(lap, "TotalTimeSeconds"))),
    distance: sum(summaries.map((lap) => numberOf(lap, "DistanceMeters"))),
    calories: sum(summaries.map((lap) => numberOf(lap, "Calories"))),
    samples,
  };
  return { ok: true, activity };
}
