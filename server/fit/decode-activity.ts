import "server-only";
import type { FitMessages, LapMesg, SessionMesg } from "@garmin/fitsdk";
import { finiteNumber, fitSeconds, fromFitSeconds, nonEmptyText, positiveNumber, toActivitySport, toSubSport } from "./fit-values";
import { resampleRecords } from "./resample";
import { fitFileError, type Activity, type ActivityLap, type RecordedSummary } from "@/lib/domain/activity";

/**
 * Decoded FIT messages → Activity (pure).
 *
 * - startTime: the first session's start_time, else the first record's timestamp (moved earlier if a record
 *   precedes it, so no sample is lost). A file without timestamped records has no activity: no_records.
 * - sport/subSport: first session, else the sport message. title: the workout's name (set by our encoder).
 * - Samples: resample.ts (1 Hz, smart-recording gaps held up to MAX_HELD_GAP_SECONDS, timer stops end holds).
 * - durationSeconds: the sessions' total_timer_time, else the seconds with a reading.
 * - laps: lap messages relative to the start, clipped to the timeline; name from the workout step they point at.
 * - ftp: zones_target FTP, else the session's threshold_power. recorded: the first session's totals.
 * - device: file_id manufacturer + product (Garmin product name, else a product name, else the product number).
 */
const TIMER_STOPS = new Set(["stop", "stopAll", "stopDisable", "stopDisableAll"]);

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
    const from = fitSeconds(lap.startTime);
    if (from === null) continue;
    const elapsed = finiteNumber(lap.totalElapsedTime);
    const to = elapsed !== null ? from + elapsed : fitSeconds(lap.timestamp);
    if (to === null) continue;
    const lapStart = Math.max(0, Math.round(from - start));
    const lapEnd = Math.min(length, Math.round(to - start));
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
  const parts = [manufacturer, product].filter((part): part is string => part !== null);
  return parts.length ? parts.join(" ") : null;
}

export function activityFromMessages(messages: FitMessages): Activity {
  const start = startOf(messages);
  if (start === null) {
    throw fitFileError("no_records", "The FIT file has no activity data (no timestamped records). It may be a course, workout or settings file.");
  }
  const stops: number[] = [];
  for (const event of messages.eventMesgs ?? []) {
    const t = fitSeconds(event.timestamp);
    if (event.event === "timer" && typeof event.eventType === "string" && TIMER_STOPS.has(event.eventType) && t !== null) stops.push(t);
  }
  const timeline = resampleRecords(messages.recordMesgs ?? [], start, stops);
  if (timeline.secondsWithData === 0) {
    throw fitFileError("no_records", "The FIT file has no activity data: its records carry no power, heart rate, cadence, speed, distance or altitude.");
  }
  const sessions = messages.sessionMesgs ?? [];
  const session = sessions[0];
  const sportMesg = messages.sportMesgs?.[0];
  const timerTimes = sessions.map((s) => finiteNumber(s.totalTimerTime)).filter((t): t is number => t !== null);
  const ftp = positiveNumber(messages.zonesTargetMesgs?.find((z) => positiveNumber(z.functionalThresholdPower) !== null)?.functionalThresholdPower);
  return {
    startTime: fromFitSeconds(start),
    sport: toActivitySport(session?.sport ?? sportMesg?.sport),
    subSport: toSubSport(session?.subSport ?? sportMesg?.subSport),
    title: nonEmptyText(messages.workoutMesgs?.[0]?.wktName),
    length: timeline.length,
    durationSeconds: timerTimes.length ? timerTimes.reduce((a, b) => a + b, 0) : timeline.secondsWithData,
    samples: timeline.samples,
    laps: lapsOf(messages.lapMesgs ?? [], start, timeline.length, stepNames(messages)),
    ftp: ftp ?? positiveNumber(session?.thresholdPower),
    recorded: recordedSummary(session),
    device: deviceOf(messages),
  };
}
