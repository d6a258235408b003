import { seededRandom } from "@/sandbox/shared/http";
import { buildDeviceFile, type DeviceFile, type ScriptSecond } from "./device-file";
import { compressRecordTimestamps } from "./fit-kit";

/**
 * Team-written FIT recordings of the awkward cases real files contain (each built with the FIT SDK's Encoder; the
 * device's own figures are in its session messages and in `sessions`). Deterministic: fixed seeds, fixed start.
 */
export interface Recording extends DeviceFile {
  name: string;
  /** what the file is like, in one line */
  about: string;
  /** seconds since the start [start, end) with the timer stopped */
  pauses?: { start: number; end: number }[];
}

/** Cumulative distance from speed, to the centimetre. */
function withDistance(seconds: (ScriptSecond | null)[], from = 0, to = seconds.length): void {
  let total = 0;
  for (let t = from; t < to; t++) {
    const s = seconds[t];
    if (!s || s.speed === undefined) continue;
    total = Math.round((total + s.speed) * 100) / 100;
    s.distance = total;
  }
}

/** Case 1: a road ride whose head unit writes no power field while the rider coasts down the descents. */
export function coastingWithoutPower(): Recording {
  const random = seededRandom(101);
  const seconds: ScriptSecond[] = [];
  let hr = 110;
  for (let t = 0; t < 3600; t++) {
    const inLoop = t % 420;
    const descending = inLoop >= 270;
    const effort = 268 + 40 * Math.sin(t / 37) + (random() - 0.5) * 50;
    hr += ((descending ? 118 : 162) - hr) / 30;
    seconds.push(
      descending
        ? { heartRate: Math.round(hr), cadence: 0, speed: 15 + random() }
        : { power: Math.round(effort), heartRate: Math.round(hr), cadence: Math.round(82 + random() * 8), speed: 5.5 + random() * 0.5 },
    );
  }
  withDistance(seconds);
  const file = buildDeviceFile({ manufacturer: "garmin", garminProduct: 3121, seconds, ftp: 270, sessions: [{ from: 0, to: 3600, sport: "cycling", subSport: "road" }] });
  return { name: "coasting-without-power", about: "Edge 530 road ride; records have no power field while coasting", ...file };
}

/** Case 2: a city ride with auto-pause at traffic lights, sprinting away from each light. */
export function autoPause(): Recording {
  const random = seededRandom(202);
  const lights: [number, number][] = [
    [300, 390],
    [610, 730],
    [905, 950],
    [1200, 1340],
    [1500, 1560],
    [1800, 1990],
  ];
  const seconds: (ScriptSecond | null)[] = [];
  let hr = 120;
  for (let t = 0; t < 2400; t++) {
    const stopped = lights.some(([a, b]) => t >= a && t < b);
    if (stopped) {
      seconds.push(null);
      continue;
    }
    const sinceLight = Math.min(...lights.map(([, b]) => (t >= b ? t - b : Infinity)));
    const untilLight = Math.min(...lights.map(([a]) => (t < a ? a - t : Infinity)));
    const watts = sinceLight < 20 ? 520 : untilLight <= 15 ? 40 : 210 + (random() - 0.5) * 40;
    hr += (100 + watts * 0.25 - hr) / 25;
    seconds.push({ power: Math.round(watts), heartRate: Math.round(hr), cadence: Math.round(watts > 60 ? 88 : 40), speed: 4 + Math.cbrt(watts) * 0.7 });
  }
  withDistance(seconds);
  const file = buildDeviceFile({
    manufacturer: "garmin",
    garminProduct: 3843,
    seconds,
    pauses: lights,
    ftp: 250,
    sessions: [{ from: 0, to: 2400, sport: "cycling", subSport: "road" }],
  });
  return { name: "auto-pause", about: "Edge 1040 city ride with auto-pause at six traffic lights", ...file, pauses: lights.map(([start, end]) => ({ start, end })) };
}

/** Case 3: a brick, bike then run, as two sessions (distance restarts with the run, as multisport devices write it). */
export function multisport(): Recording {
  const random = seededRandom(303);
  const seconds: ScriptSecond[] = [];
  for (let t = 0; t < 2700; t++) {
    const cycling = t < 1800;
    seconds.push(
      cycling
        ? { power: Math.round(230 + (random() - 0.5) * 60), heartRate: Math.round(140 + t / 60), cadence: Math.round(88 + random() * 4), speed: 9 + random() * 0.6 }
        : { heartRate: Math.round(160 + (t - 1800) / 90), cadence: Math.round(86 + random() * 3), speed: 3.3 + random() * 0.3 },
    );
  }
  withDistance(seconds, 0, 1800);
  withDistance(seconds, 1800, 2700);
  const file = buildDeviceFile({
    manufacturer: "garmin",
    garminProduct: 4315,
    seconds,
    ftp: 260,
    sessions: [
      { from: 0, to: 1800, sport: "cycling", subSport: "road" },
      { from: 1800, to: 2700, sport: "running", subSport: "street" },
    ],
  });
  return { name: "multisport", about: "Forerunner brick: 30 min bike, then 15 min run, one session each", ...file };
}

/** Case 4: a treadmill run whose footpod distance stops updating; the watch's session total is the calibrated one. */
export function sessionTotals(): Recording {
  const seconds: ScriptSecond[] = [];
  let distance = 0;
  for (let t = 0; t < 900; t++) {
    const speed = 2.6;
    if (distance < 1430) distance = Math.min(1430, Math.round((distance + speed) * 100) / 100);
    seconds.push({ heartRate: Math.round(130 + t / 30), cadence: 84, speed, ...(t < 560 ? { distance } : {}) });
  }
  const file = buildDeviceFile({
    manufacturer: "garmin",
    garminProduct: 4315,
    seconds,
    sessions: [{ from: 0, to: 900, sport: "running", subSport: "treadmill", totalDistance: 2341, totalCalories: 187 }],
  });
  return { name: "session-totals", about: "Forerunner treadmill run: records stop at 1,430 m, the session says 2,341 m", ...file };
}

/** Case 6: an indoor ride whose chest strap loses contact three times (the head unit writes 0 bpm). */
export function heartRateDropouts(): Recording {
  const random = seededRandom(606);
  const gaps: [number, number][] = [
    [400, 470],
    [900, 990],
    [1500, 1540],
  ];
  const seconds: ScriptSecond[] = [];
  let hr = 105;
  for (let t = 0; t < 1800; t++) {
    const watts = 200 + 30 * Math.sin(t / 60) + (random() - 0.5) * 30;
    hr += (95 + watts * 0.28 - hr) / 30;
    const dropped = gaps.some(([a, b]) => t >= a && t < b);
    seconds.push({ power: Math.round(watts), heartRate: dropped ? 0 : Math.round(hr), cadence: Math.round(86 + random() * 6), speed: 8.2 });
  }
  withDistance(seconds);
  const file = buildDeviceFile({ manufacturer: "wahooFitness", productName: "ELEMNT BOLT", seconds, ftp: 240, sessions: [{ from: 0, to: 1800, sport: "cycling", subSport: "indoorCycling" }] });
  return { name: "heart-rate-dropouts", about: "ELEMNT BOLT indoor ride; the strap drops out three times and 0 bpm is written", ...file };
}

/** Case 10: a ride whose records use compressed-timestamp headers (valid FIT the SDK's decoder refuses). */
export function compressedTimestamps(): Recording {
  const random = seededRandom(1010);
  const seconds: ScriptSecond[] = [];
  for (let t = 0; t < 1200; t++) {
    seconds.push({ power: Math.round(180 + (t % 300 < 60 ? 150 : 0) + (random() - 0.5) * 30), heartRate: Math.round(120 + t / 40), cadence: 90, speed: 8 });
  }
  withDistance(seconds);
  const file = buildDeviceFile({ manufacturer: "hammerhead", productName: "Karoo 2", seconds, ftp: 230, sessions: [{ from: 0, to: 1200, sport: "cycling", subSport: "road" }] });
  return { name: "compressed-timestamps", about: "Karoo ride written with compressed-timestamp record headers", ...file, bytes: compressRecordTimestamps(file.bytes) };
}

export const RECORDINGS: readonly (() => Recording)[] = [coastingWithoutPower, autoPause, multisport, sessionTotals, heartRateDropouts, compressedTimestamps];
