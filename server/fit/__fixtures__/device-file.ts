import { Encoder, type ActivityMesg, type DeviceInfoMesg, type EventMesg, type FileIdMesg, type LapMesg, type RecordMesg, type SessionMesg, type ZonesTargetMesg } from "@garmin/fitsdk";
import { deviceFigures, type DeviceFigures, type RunningSecond } from "./device-math";
import { START, writer } from "./fit-kit";

/**
 * A FIT activity file as a head unit writes it, built with the FIT SDK's Encoder from a per-second script: the
 * records the device wrote (a key left out is a field the device did not write), timer pauses, one or more sessions
 * with the device's own totals and averages (computed by device-math.ts), laps and the activity message.
 */
export interface ScriptSecond {
  power?: number;
  heartRate?: number;
  cadence?: number;
  /** m/s */
  speed?: number;
  /** cumulative metres (per session, as multisport devices restart it) */
  distance?: number;
  altitude?: number;
  /** degrees */
  lat?: number;
  lon?: number;
}

export interface ScriptSession {
  /** elapsed seconds since the file's start, end exclusive */
  from: number;
  to: number;
  sport: SessionMesg["sport"];
  subSport: SessionMesg["subSport"];
  /** the device's total distance (m) when it differs from the last record's */
  totalDistance?: number;
  totalCalories?: number;
}

export interface DeviceScript {
  manufacturer: FileIdMesg["manufacturer"];
  garminProduct?: number;
  productName?: string;
  /** index = elapsed second; null = no record that second */
  seconds: (ScriptSecond | null)[];
  /** [from, to) elapsed seconds with the timer stopped */
  pauses?: [number, number][];
  sessions: ScriptSession[];
  ftp?: number;
}

export interface SessionTruth extends DeviceFigures {
  sport: string;
  timerSeconds: number;
  elapsedSeconds: number;
  distanceMeters: number | null;
  calories: number | null;
}

export interface DeviceFile {
  bytes: Uint8Array;
  /** what the device's sessions say */
  sessions: SessionTruth[];
}

const toSemicircles = (degrees: number) => Math.round((degrees * 2 ** 31) / 180);
const round = (v: number | null) => (v === null ? undefined : Math.round(v));

export function buildDeviceFile(script: DeviceScript): DeviceFile {
  const encoder = new Encoder();
  const write = writer(encoder);
  const paused = (t: number) => (script.pauses ?? []).some(([a, b]) => t >= a && t < b);
  write<FileIdMesg>("FILE_ID", { type: "activity", manufacturer: script.manufacturer, product: script.garminProduct ?? 1, serialNumber: 3_900_123_456, timeCreated: START });
  if (script.productName) {
    write<DeviceInfoMesg>("DEVICE_INFO", { timestamp: START, deviceIndex: "creator", manufacturer: script.manufacturer, productName: script.productName, serialNumber: 3_900_123_456 });
  }
  if (script.ftp) write<ZonesTargetMesg>("ZONES_TARGET", { functionalThresholdPower: script.ftp, pwrCalcType: "percentFtp" });
  write<EventMesg>("EVENT", { timestamp: START, event: "timer", eventType: "start", eventGroup: 0 });
  const truths: SessionTruth[] = [];
  let lapIndex = 0;
  script.sessions.forEach((session, index) => {
    const running: RunningSecond[] = [];
    let lastDistance: number | null = null;
    for (let t = session.from; t < session.to; t++) {
      if (paused(t) && !paused(t - 1)) write<EventMesg>("EVENT", { timestamp: START + t, event: "timer", eventType: "stopAll", eventGroup: 0 });
      if (!paused(t) && t > 0 && paused(t - 1)) write<EventMesg>("EVENT", { timestamp: START + t, event: "timer", eventType: "start", eventGroup: 0 });
      if (paused(t)) continue;
      const s = script.seconds[t];
      running.push({ power: s?.power, heartRate: s?.heartRate, cadence: s?.cadence });
      if (!s) continue;
      if (s.distance !== undefined) lastDistance = s.distance;
      write<RecordMesg>("RECORD", {
        timestamp: START + t,
        power: s.power,
        heartRate: s.heartRate,
        cadence: s.cadence,
        speed: s.speed,
        distance: s.distance,
        altitude: s.altitude,
        positionLat: s.lat === undefined ? undefined : toSemicircles(s.lat),
        positionLong: s.lon === undefined ? undefined : toSemicircles(s.lon),
      });
    }
    // a leg without a power meter (the run of a brick) has no power figures, not 0 W
    const figures = deviceFigures(running, running.some((r) => r.power !== undefined));
    const truth: SessionTruth = {
      ...figures,
      sport: String(session.sport),
      timerSeconds: running.length,
      elapsedSeconds: session.to - session.from,
      distanceMeters: session.totalDistance ?? lastDistance,
      calories: session.totalCalories ?? null,
    };
    truths.push(truth);
    const totals = {
      startTime: START + session.from,
      timestamp: START + session.to,
      totalElapsedTime: truth.elapsedSeconds,
      totalTimerTime: truth.timerSeconds,
      totalDistance: truth.distanceMeters ?? undefined,
      totalCalories: truth.calories ?? undefined,
      avgPower: round(figures.avgPower),
      maxPower: round(figures.maxPower),
      avgHeartRate: round(figures.avgHeartRate),
      maxHeartRate: round(figures.maxHeartRate),
      avgCadence: round(figures.avgCadence),
      sport: session.sport,
      subSport: session.subSport,
    };
    write<LapMesg>("LAP", { ...totals, messageIndex: lapIndex++, event: "lap", eventType: "stop", lapTrigger: "sessionEnd" });
    write<SessionMesg>("SESSION", {
      ...totals,
      messageIndex: index,
      event: "session",
      eventType: "stop",
      normalizedPower: round(figures.normalizedPower),
      thresholdPower: script.ftp,
      firstLapIndex: index,
      numLaps: 1,
      trigger: "activityEnd",
    });
  });
  const end = Math.max(...script.sessions.map((s) => s.to));
  write<EventMesg>("EVENT", { timestamp: START + end, event: "timer", eventType: "stopAll", eventGroup: 0 });
  write<ActivityMesg>("ACTIVITY", {
    timestamp: START + end,
    totalTimerTime: truths.reduce((a, t) => a + t.timerSeconds, 0),
    numSessions: script.sessions.length,
    type: "manual",
    event: "activity",
    eventType: "stop",
  });
  return { bytes: encoder.close(), sessions: truths };
}
