import { Decoder, Profile, type SessionMesg, Stream, Utils } from "@garmin/fitsdk";
import { type Activity, decodeFailure, type DecodeResult, type Sample } from "./activity";
import type { WorkoutType } from "./workout-object";

/*
 * The SDK's message types describe raw values (`sport: number`, `timestamp: number | Date`), but with its default
 * options it converts enums to strings and datetimes to Dates. Every value is therefore read as unknown and narrowed.
 */

const finite = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

function instantMs(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  const seconds = finite(value);
  return seconds === undefined ? undefined : seconds * 1000 + Utils.FIT_EPOCH_MS;
}

/** A FIT enum as its profile name, whether the decoder converted it or not. */
function enumName(type: string, value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const index = finite(value);
  return index === undefined ? undefined : Profile.types[type]?.[index];
}

function workoutTypeOf(sport: string | undefined, subSport: string | undefined): WorkoutType | null {
  switch (sport) {
    case undefined:
      return null;
    case "cycling":
    case "eBiking":
      return subSport === "mountain" ? "MTB" : "Bike";
    case "running":
      return "Run";
    case "walking":
    case "hiking":
      return "Walk";
    case "rowing":
      return "Rowing";
    case "swimming":
      return "Swim";
    case "crossCountrySkiing":
      return "XC-Ski";
    case "training":
      return subSport === "strengthTraining" ? "Strength" : "Other";
    default:
      return "Other";
  }
}

interface RecordFields {
  timestamp?: unknown;
  power?: unknown;
  heartRate?: unknown;
  cadence?: unknown;
  speed?: unknown;
  enhancedSpeed?: unknown;
  distance?: unknown;
  altitude?: unknown;
  enhancedAltitude?: unknown;
  temperature?: unknown;
}

function toSample(record: RecordFields): Sample | null {
  const t = instantMs(record.timestamp);
  if (t === undefined) return null;
  return {
    t,
    power: finite(record.power),
    heartRate: finite(record.heartRate),
    cadence: finite(record.cadence),
    speed: finite(record.enhancedSpeed) ?? finite(record.speed),
    distance: finite(record.distance),
    altitude: finite(record.enhancedAltitude) ?? finite(record.altitude),
    temperature: finite(record.temperature),
  };
}

/** Sum of a session field across sessions; null when no session has it. */
function sessionTotal(sessions: readonly SessionMesg[], key: "totalTimerTime" | "totalDistance" | "totalCalories"): number | null {
  let total: number | null = null;
  for (const session of sessions) {
    const value = finite(session[key]);
    if (value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}

/** Decode a FIT activity with Garmin's SDK: a file failing the integrity (size/CRC) check or decoding is a 400. */
export function decodeFit(bytes: Buffer): DecodeResult {
  const decoder = new Decoder(Stream.fromBuffer(bytes));
  if (!decoder.checkIntegrity()) return decodeFailure(400, "The FIT file is corrupt or incomplete (its size or CRC check failed).");
  const { messages, errors } = decoder.read();
  const [error] = errors;
  if (error) return decodeFailure(400, `The FIT file could not be decoded: ${error.message}`);
  const fileType = enumName("file", messages.fileIdMesgs?.[0]?.type);
  if (fileType !== undefined && fileType !== "activity") return decodeFailure(400, `The FIT file is not an activity (file type '${fileType}').`);
  const samples = (messages.recordMesgs ?? []).map(toSample).filter((sample) => sample !== null);
  samples.sort((a, b) => a.t - b.t);
  const sessions = messages.sessionMesgs ?? [];
  const [session] = sessions;
  if (samples.length === 0 && !session) return decodeFailure(400, "The FIT file contains no activity data (no records or sessions).");
  const activity: Activity = {
    format: "fit",
    sport: workoutTypeOf(enumName("sport", session?.sport), enumName("subSport", session?.subSport)),
    startMs: instantMs(session?.startTime) ?? samples[0]?.t ?? instantMs(messages.activityMesgs?.[0]?.timestamp) ?? null,
    timerSeconds: sessionTotal(sessions, "totalTimerTime") ?? finite(messages.activityMesgs?.[0]?.totalTimerTime) ?? null,
    distance: sessionTotal(sessions, "totalDistance"),
    calories: sessionTotal(sessions, "totalCalories"),
    samples,
  };
  return { ok: true, activity };
}
