import "server-only";
import { Encoder, type ActivityMesg, type DeviceInfoMesg, type EventMesg, type FileIdMesg, type RecordMesg, type ZonesTargetMesg } from "@garmin/fitsdk";
import { fitInt, summaryMessages } from "./encode-summary";
import { MESG, toFitSeconds } from "./fit-values";
import { tileLaps } from "./laps";
import { pausedSlots } from "@/lib/metrics/power";
import { toLocalDateTime } from "@/lib/time/time-zone";
import type { Activity } from "@/lib/domain/activity";

/**
 * Activity → a FIT activity file (pure; Garmin's SDK encoder), laid out as Garmin's "encode activity" recipe:
 * file_id, device_info (creator), [workout + workout_step: title and lap names], [zones_target: FTP],
 * timer start, one record per second (a timer stop and start around each pause), timer stop, laps, session, activity.
 *
 * Records. Second i is a record at start + i with the channels that have a reading (power/HR/cadence rounded to
 * integers; speed and altitude as enhanced_speed/enhanced_altitude; the GPS position in semicircles). A second with no reading at all is written as a
 * timestamp-only record when it starts a dropout (and at the very end), so a reader that holds values across
 * smart-recording gaps (decode.ts) sees the dropout as no data, and the length survives a round trip.
 * Summaries (laps, session: NP, IF, TSS, averages) come from the shared metrics (metrics.ts, summary.ts).
 * Output is deterministic: time_created defaults to the activity's end.
 */
export interface EncodeFitOptions {
  timeCreated?: Date;
  /** the creator's product name in device_info (default "AutoCoach") */
  productName?: string;
  /** IANA zone for the activity message's local timestamp (default UTC) */
  timeZone?: string | null;
}

/** A fixed non-zero serial (uint32z): the files come from one software "device". */
const SERIAL_NUMBER = 0x41430001;
const U8 = 254;
const U16 = 65534;
/** enhanced_altitude has an offset of 500 m: nothing below −500 m is representable. */
const MIN_ALTITUDE = -500;

function reading(values: readonly (number | null)[] | undefined, i: number): number | null {
  const v = values?.[i];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Seconds east of UTC of `timeZone` at `at`; unknown or absent zones are UTC. */
export function utcOffsetSeconds(at: Date, timeZone: string | null | undefined): number {
  if (!timeZone) return 0;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }).formatToParts(at);
  } catch (error) {
    if (error instanceof RangeError) return 0; // an unknown zone name: local time is then UTC
    throw error;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  const offset = Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 1000);
  return Number.isFinite(offset) ? offset : 0;
}

const positive = (v: number | null) => (v !== null && v > 0 ? v : null);

const timerEvent = (timestamp: number, eventType: "start" | "stop"): EventMesg => ({ timestamp, event: "timer", eventType, eventGroup: 0 });
const emptyRecord = (timestamp: number): RecordMesg => ({ timestamp });

/** Degrees → FIT semicircles (sint32), or undefined outside the valid range. */
function semicircles(value: number | null, limit: number): number | undefined {
  return value !== null && Math.abs(value) <= limit ? Math.round((value * 2 ** 31) / 180) : undefined;
}

function recordAt(activity: Activity, i: number, timestamp: number): RecordMesg | null {
  const { power, cadence, heartRate, speed, distance, altitude, latitude, longitude } = activity.samples;
  const s = reading(speed, i);
  const d = reading(distance, i);
  const a = reading(altitude, i);
  const lat = semicircles(reading(latitude, i), 90);
  const lon = semicircles(reading(longitude, i), 180);
  const hasPosition = lat !== undefined && lon !== undefined;
  const record: RecordMesg = {
    timestamp,
    power: fitInt(reading(power, i), U16),
    cadence: fitInt(reading(cadence, i), U8),
    // 0 bpm would be read as a real heart rate by other tools; a dropout is simply not written
    heartRate: fitInt(positive(reading(heartRate, i)), U8),
    enhancedSpeed: s !== null && s >= 0 ? s : undefined,
    distance: d !== null && d >= 0 ? d : undefined,
    enhancedAltitude: a !== null && a >= MIN_ALTITUDE ? a : undefined,
    positionLat: hasPosition ? lat : undefined,
    positionLong: hasPosition ? lon : undefined,
  };
  const empty =
    record.power === undefined &&
    record.cadence === undefined &&
    record.heartRate === undefined &&
    record.enhancedSpeed === undefined &&
    record.distance === undefined &&
    record.enhancedAltitude === undefined &&
    !hasPosition;
  return empty ? null : record;
}

export function encodeFit(activity: Activity, opts: EncodeFitOptions = {}): Uint8Array {
  const length = Math.max(0, Math.floor(activity.length));
  const start = toFitSeconds(activity.startTime);
  const end = start + length;
  const productName = opts.productName?.trim() || "AutoCoach";
  const encoder = new Encoder();

  // "development" is the manufacturer id FIT sets aside for software without one of its own; the product name is what
  // readers should show, so it is in file_id as well as in the creator's device_info
  const fileId: FileIdMesg = {
    type: "activity",
    manufacturer: "development",
    product: 0,
    productName,
    serialNumber: SERIAL_NUMBER,
    timeCreated: opts.timeCreated ? toFitSeconds(opts.timeCreated) : end,
  };
  encoder.onMesg(MESG.fileId, fileId);
  const creator: DeviceInfoMesg = {
    timestamp: start,
    deviceIndex: "creator",
    manufacturer: "development",
    product: 0,
    productName,
    serialNumber: SERIAL_NUMBER,
    softwareVersion: 1,
  };
  encoder.onMesg(MESG.deviceInfo, creator);

  const laps = tileLaps(activity.laps, length);
  const summary = summaryMessages({ ...activity, length }, start, laps);
  if (summary.workout) encoder.onMesg(MESG.workout, summary.workout);
  for (const step of summary.steps) encoder.onMesg(MESG.workoutStep, step);
  const ftp = fitInt(activity.ftp, U16);
  if (ftp !== undefined && ftp > 0) {
    const zones: ZonesTargetMesg = { functionalThresholdPower: ftp, pwrCalcType: "percentFtp" };
    encoder.onMesg(MESG.zonesTarget, zones);
  }

  encoder.onMesg(MESG.event, timerEvent(start, "start"));
  const paused = pausedSlots(length, activity.pauses);
  let previousHadData = false;
  for (let i = 0; i < length; i++) {
    if (paused?.[i]) {
      if (!paused[i - 1]) encoder.onMesg(MESG.event, timerEvent(start + i, "stop"));
      previousHadData = false;
      continue;
    }
    if (i > 0 && paused?.[i - 1]) encoder.onMesg(MESG.event, timerEvent(start + i, "start"));
    const record = recordAt(activity, i, start + i);
    if (record) encoder.onMesg(MESG.record, record);
    else if (previousHadData || i === length - 1) encoder.onMesg(MESG.record, emptyRecord(start + i));
    previousHadData = record !== null;
  }
  encoder.onMesg(MESG.event, timerEvent(end, "stop"));

  for (const lap of summary.laps) encoder.onMesg(MESG.lap, lap);
  for (const session of summary.sessions) encoder.onMesg(MESG.session, session);
  const activityMesg: ActivityMesg = {
    timestamp: end,
    totalTimerTime: activity.durationSeconds,
    numSessions: summary.sessions.length,
    type: "manual",
    event: "activity",
    eventType: "stop",
    localTimestamp: end + utcOffsetSeconds(activity.startTime, opts.timeZone),
  };
  encoder.onMesg(MESG.activity, activityMesg);
  return encoder.close();
}

/** The file name for an activity: its local start in the user's zone and its title, e.g. "2026-05-02 07-12 Power Zone Ride.fit". */
export function fitFileName(activity: Activity, timeZone?: string | null): string {
  return exportFileName(activity, "fit", timeZone);
}

/** "2026-05-02 07-12" in `timeZone` (UTC when absent or unknown): sorts by time, and has no ':' for Windows. */
export function startStamp(startTime: Date, timeZone?: string | null): string {
  return toLocalDateTime(startTime, timeZone).slice(0, 16).replace("T", " ").replace(":", "-");
}

/** Characters no file system takes, control characters, and runs of spaces, out of a class title. */
function fileTitle(title: string | null): string {
  const clean = (title ?? "").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  return clean.slice(0, 80).trim() || "Workout";
}

export function exportFileName(activity: Activity, extension: "fit" | "tcx", timeZone?: string | null): string {
  return `${startStamp(activity.startTime, timeZone)} ${fileTitle(activity.title)}.${extension}`;
}
