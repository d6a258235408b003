import "server-only";
import type { FitMessages, LapMesg, SessionMesg } from "@garmin/fitsdk";
import { finiteNumber, fitSeconds, fromFitSeconds, nonEmptyText, positiveNumber, toActivitySport, toSubSport } from "./fit-values";
import { resampleRecords, type TimerPause } from "./resample";
import { fitFileError, type Activity, type ActivityLap, type ActivityPause, type ActivitySession, type RecordedSummary } from "@/lib/domain/activity";

/**
 * Decoded FIT messages → Activity (pure).
 *
 * - startTime: the first session's start_time, else the first record's timestamp (moved earlier if a record
 *   precedes it, so no sample is lost). A file without timestamped records has no activity: no_records.
 * - sport/subSport: the sessions' sport when they agree, "multisport" (no sub-sport) when they differ, else the
 *   sport message. sessions: every session as a leg (start, end, sport, its own totals) when there are several.
 *   title: the workout's name (set by our encoder).
 * - Samples: resample.ts (1 Hz, smart-recording gaps held up to MAX_HELD_GAP_SECONDS, timer stops end holds).
 * - pauses: from each timer stop to the next timer start (auto-pause, stop pressed), on the timeline; a final stop
 *   with no start after it ends the ride and is no pause.
 * - durationSeconds: the sessions' total_timer_time, else the seconds with a reading.
 * - laps: lap messages relative to the start, clipped to the timeline; name from the workout step they point at.
 * - ftp: zones_target FTP, else the session's threshold_power. recorded: the session's totals; for several sessions
 *   the sums of their time, distance, work and calories (their averages belong to each leg).
 * - device: file_id manufacturer + product (Garmin product name, else a product name, else the product number); a
 *   file made by software ("development" manufacturer) is named by its product name alone ("AutoCoach").
 */
const TIMER_STOPS = new Set(["stop", "stopAll", "stopDisable", "stopDisableAll"]);

/** Spans from a timer stop to the next timer start, in FIT seconds. */
function timerPauses(messages: FitMessages): TimerPause[] {
  const events: { at: number; stop: boolean }[] = [];
  for (const event of messages.eventMesgs ?? []) {
    const at = fitSeconds(event.timestamp);
    if (event.event !== "timer" || at === null || typeof event.eventType !== "string") continue;
    if (TIMER_STOPS.has(event.eventType)) events.push({ at, stop: true });
    else if (event.eventType === "start") events.push({ at, stop: false });
  }
  events.sort((a, b) => a.at - b.at || Number(b.stop) - Number(a.stop));
  const pauses: TimerPause[] = [];
  let stoppedAt: number | null = null;
  for (const event of events) {
    if (event.stop) stoppedAt ??= event.at;
    else if (stoppedAt !== null) {
      if (event.at > stoppedAt) pauses.push({ from: stoppedAt, to: event.at });
      stoppedAt = null;
    }
  }
  // a stop never followed by a start ends the hold-over of values, but the ride is over: no pause on the timeline
  if (stoppedAt !== null) pauses.push({ from: stoppedAt, to: stoppedAt });
  return pauses;
}

function pausesOnTimeline(pauses: readonly TimerPause[], start: number, length: number): ActivityPause[] {
  const out: ActivityPause[] = [];
  for (const pause of pauses) {
    const from = Math.max(0, Math.round(pause.from - start));
    const to = Math.min(length, Math.round(pause.to - start));
    if (to > from) out.push({ start: from, end: to });
  }
  return out;
}

function startOf(messages: FitMessages): number | null {
  const session = fitSeconds(messages.sessionMesgs?.[0]?.startTime);
  let first: number | null = null;
  for (const record of messages.recordMesgs ?? []) {
    const t = fitSeconds(record.timestamp);
    if (t !== null && (first === null || t < first)) first = t;
  }
  if (first === null) return null;
  return Math.floor(session === null ? first : Math.min(session, first));
}

function recordedSummary(session: SessionMesg | undefined): RecordedSummary | null {
  if (!session) return null;
  const work = finiteNumber(session.totalWork);
  return {
    totalTimerSeconds: finiteNumber(session.totalTimerTime),
    totalElapsedSeconds: finiteNumber(session.totalElapsedTime),
    totalDistanceMeters: finiteNumber(session.totalDistance),
    avgPower: finiteNumber(session.avgPower),
    maxPower: finiteNumber(session.maxPower),
    normalizedPower: finiteNumber(session.normalizedPower),
    intensityFactor: finiteNumber(session.intensityFactor),
    tss: finiteNumber(session.trainingStressScore),
    avgHeartRate: finiteNumber(session.avgHeartRate),
    maxHeartRate: finiteNumber(session.maxHeartRate),
    avgCadence: finiteNumber(session.avgCadence),
    totalWorkKj: work === null ? null : work / 1000,
    calories: finiteNumber(session.totalCalories),
  };
}

/** The legs' totals added up; averages and maxima stay with each leg. */
function summedSummary(legs: readonly (RecordedSummary | null)[]): RecordedSummary | null {
  if (legs.length <= 1) return legs[0] ?? null;
  const sum = (key: keyof RecordedSummary): number | null => {
    const values = legs.map((leg) => leg?.[key]).filter((v): v is number => typeof v === "number");
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    totalTimerSeconds: sum("totalTimerSeconds"),
    totalElapsedSeconds: sum("totalElapsedSeconds"),
    totalDistanceMeters: sum("totalDistanceMeters"),
    avgPower: null,
    maxPower: null,
    normalizedPower: null,
    intensityFactor: null,
    tss: sum("tss"),
    avgHeartRate: null,
    maxHeartRate: null,
    avgCadence: null,
    totalWorkKj: sum("totalWorkKj"),
    calories: sum("calories"),
  };
}

/** A session's or lap's span in FIT seconds: its start to start + elapsed time, else to its timestamp; null when an end is unknown. */
function spanOf(message: SessionMesg | LapMesg): { from: number; to: number } | null {
  const from = fitSeconds(message.startTime);
  if (from === null) return null;
  const elapsed = finiteNumber(message.totalElapsedTime);
  const to = elapsed !== null ? from + elapsed : fitSeconds(message.timestamp);
  return to === null ? null : { from, to };
}

function sessionsOf(sessions: readonly SessionMesg[], start: number, length: number): ActivitySession[] {
  const out: ActivitySession[] = [];
  for (const session of sessions) {
    const span = spanOf(session);
    if (span === null) continue;
    const { from, to } = span;
    out.push({
      start: Math.max(0, Math.round(from - start)),
      end: Math.min(length, Math.max(0, Math.round(to - start))),
      sport: toActivitySport(session.sport),
      subSport: toSubSport(session.subSport),
      recorded: recordedSummary(session),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function stepNames(messages: FitMessages): Map<number, string> {
  const names = new Map<number, string>();
  (messages.workoutStepMesgs ?? []).forEach((step, position) => {
    const name = nonEmptyText(step.wktStepName);
    if (name !== null) names.set(finiteNumber(step.messageIndex) ?? position, name);
  });
  return names;
}

function lapsOf(laps: readonly LapMesg[], start: number, length: number, names: Map<number, string>): ActivityLap[] {
  const out: ActivityLap[] = [];
  for (const lap of laps) {
    const span = spanOf(lap);
    if (span === null) continue;
    const lapStart = Math.max(0, Math.round(span.from - start));
    const lapEnd = Math.min(length, Math.round(span.to - start));
    if (lapEnd <= lapStart) continue;
    const step = finiteNumber(lap.wktStepIndex);
    out.push({ start: lapStart, end: lapEnd, name: step === null ? null : (names.get(step) ?? null) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function deviceOf(messages: FitMessages): string | null {
  const fileId = messages.fileIdMesgs?.[0];
  const manufacturer = nonEmptyText(fileId?.manufacturer) ?? (finiteNumber(fileId?.manufacturer) === null ? null : `manufacturer ${fileId?.manufacturer}`);
  const creator = messages.deviceInfoMesgs?.find((info) => info.deviceIndex === "creator" || info.deviceIndex === 0);
  const productNumber = positiveNumber(fileId?.product);
  const product =
    nonEmptyText(fileId?.garminProduct) ??
    nonEmptyText(fileId?.productName) ??
    nonEmptyText(creator?.productName) ??
    (productNumber === null ? null : String(productNumber));
  // software without a FIT manufacturer id of its own writes "development": its product name is the name
  if (manufacturer === "development" && product !== null && !/^\d+$/.test(product)) return product;
  const parts = [manufacturer, product].filter((part): part is string => part !== null);
  return parts.length ? parts.join(" ") : null;
}

export function activityFromMessages(messages: FitMessages): Activity {
  const start = startOf(messages);
  if (start === null) {
    throw fitFileError("no_records", "The FIT file has no activity data (no timestamped records). It may be a course, workout or settings file.");
  }
  const pauses = timerPauses(messages);
  const legStarts = (messages.sessionMesgs ?? [])
    .map((s) => fitSeconds(s.startTime))
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b)
    .slice(1);
  const timeline = resampleRecords(messages.recordMesgs ?? [], start, pauses, legStarts);
  if (timeline.secondsWithData === 0) {
    throw fitFileError("no_records", "The FIT file has no activity data: its records carry no power, heart rate, cadence, speed, distance or altitude.");
  }
  const sessions = messages.sessionMesgs ?? [];
  const session = sessions[0];
  const sportMesg = messages.sportMesgs?.[0];
  const legs = sessionsOf(sessions, start, timeline.length);
  const sports = new Set(legs.map((leg) => leg.sport));
  const timerTimes = sessions.map((s) => finiteNumber(s.totalTimerTime)).filter((t): t is number => t !== null);
  const ftp = positiveNumber(messages.zonesTargetMesgs?.find((z) => positiveNumber(z.functionalThresholdPower) !== null)?.functionalThresholdPower);
  return {
    startTime: fromFitSeconds(start),
    sport: sports.size > 1 ? "multisport" : toActivitySport(session?.sport ?? sportMesg?.sport),
    subSport: sports.size > 1 ? null : toSubSport(session?.subSport ?? sportMesg?.subSport),
    title: nonEmptyText(messages.workoutMesgs?.[0]?.wktName),
    length: timeline.length,
    durationSeconds: timerTimes.length ? timerTimes.reduce((a, b) => a + b, 0) : timeline.secondsWithData,
    samples: timeline.samples,
    pauses: pausesOnTimeline(pauses, start, timeline.length),
    laps: lapsOf(messages.lapMesgs ?? [], start, timeline.length, stepNames(messages)),
    ftp: ftp ?? positiveNumber(session?.thresholdPower),
    recorded: summedSummary(sessions.map(recordedSummary)),
    ...(legs.length > 1 ? { sessions: legs } : {}),
    device: deviceOf(messages),
  };
}
