import { gzipSync } from "node:zlib";
import { Encoder, Profile, type EventMesg, type FileIdMesg, type HrMesg, type LapMesg, type Mesg, type RecordMesg, type SessionMesg, type ZonesTargetMesg } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { seededRandom, syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { decodeFit } from "./decode";
import { encodeFit } from "./encode";
import { toFitSeconds } from "./fit-values";
import { encodeTcx } from "./tcx";
import type { FitFileErrorCode } from "@/lib/domain/activity";
import { isAppError, type AppError } from "@/lib/errors/app-error";

const validFit = encodeFit(syntheticRide({ seconds: 120, laps: 2 }));

function decodeError(bytes: Uint8Array, opts?: Parameters<typeof decodeFit>[1]): AppError {
  try {
    decodeFit(bytes, opts);
  } catch (error) {
    if (isAppError(error, "fit.")) return error;
    throw error;
  }
  throw new Error("decodeFit did not throw");
}

function expectFitError(bytes: Uint8Array, code: FitFileErrorCode, message: RegExp, opts?: Parameters<typeof decodeFit>[1]) {
  const error = decodeError(bytes, opts);
  expect(error.code).toBe(`fit.${code}`);
  expect(error.message).toMatch(message);
}

const randomBytes = (n: number, seed = 7) => {
  const random = seededRandom(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
};

/** Typed message writing: `write<FileIdMesg>("FILE_ID", …)` checks the field names against the SDK's types. */
function writer(encoder: Encoder) {
  return <T extends Mesg>(name: string, mesg: T) => encoder.onMesg(Profile.MesgNum[name] ?? Number.NaN, mesg);
}

describe("decodeFit: files it refuses, with a message for the user", () => {
  it("empty file", () => expectFitError(new Uint8Array(0), "empty", /empty/));

  it("random bytes", () => expectFitError(randomBytes(4096), "not_fit", /not a FIT file.*Only \.fit and \.fit\.gz/));

  it("a TCX file (even with a BOM and leading blank lines)", () => {
    const tcx = "\ufeff\n  " + encodeTcx(syntheticRide({ seconds: 60, laps: 1 }));
    expectFitError(new TextEncoder().encode(tcx), "not_fit", /TCX file.*Only \.fit and \.fit\.gz files are accepted/);
  });

  it("a GPX file and a zip archive", () => {
    expectFitError(new TextEncoder().encode('<?xml version="1.0"?>\n<gpx version="1.1"></gpx>'), "not_fit", /GPX/);
    expectFitError(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(100)]), "not_fit", /zip archive/);
  });

  it("a truncated FIT file (last 100 bytes cut)", () => {
    expectFitError(validFit.subarray(0, validFit.length - 100), "truncated", /incomplete/);
  });

  it("a flipped byte (CRC mismatch)", () => {
    const damaged = validFit.slice();
    const at = Math.floor(damaged.length / 2);
    damaged[at] = (damaged[at] ?? 0) ^ 0x5a;
    expectFitError(damaged, "corrupt", /damaged.*checksum/);
  });

  it("broken gzip, and a gzip of something that is not FIT", () => {
    expectFitError(Uint8Array.from([0x1f, 0x8b, ...randomBytes(200)]), "gzip", /\.gz file is damaged/);
    expectFitError(gzipSync(randomBytes(2000)), "not_fit", /\.gz file does not contain a FIT file/);
    expectFitError(gzipSync(new Uint8Array(0)), "empty", /empty/);
  });

  it("too large, stating the limit", () => {
    expectFitError(validFit, "too_large", /limit is 1 KB/, { maxBytes: 1024 });
    expectFitError(new Uint8Array(3 * 1024 * 1024), "too_large", /limit is 2 MB/, { maxBytes: 2 * 1024 * 1024 });
  });

  it("a gzip that inflates past the cap (gzip bomb)", () => {
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expectFitError(bomb, "too_large", /inflates to more than 1 MB/, { maxInflatedBytes: 1024 * 1024 });
  });

  it("by default, a .gz that inflates past 32 MB (a 10-hour ride is ~3 MB)", () => {
    expectFitError(gzipSync(new Uint8Array(33 * 1024 * 1024)), "too_large", /^This file inflates to more than 32 MB/);
  });

  it("a valid FIT file without records", () => {
    const encoder = new Encoder();
    writer(encoder)<FileIdMesg>("FILE_ID", { type: "workout", manufacturer: "development", product: 0, serialNumber: 1 });
    expectFitError(encoder.close(), "no_records", /no activity data/);
  });
});

describe("decodeFit: files it reads", () => {
  it("a .fit.gz decodes like the .fit", () => {
    const plain = decodeFit(validFit);
    expect(decodeFit(gzipSync(validFit))).toEqual(plain);
    expect(plain.length).toBe(120);
  });

  it("a device-style file: smart-recording gaps held up to 5 s, longer gaps and timer stops are null", () => {
    const start = toFitSeconds(new Date("2026-03-01T10:00:00Z"));
    const encoder = new Encoder();
    const write = writer(encoder);
    write<FileIdMesg>("FILE_ID", { type: "activity", manufacturer: "garmin", product: 3843, serialNumber: 99, timeCreated: start });
    write<ZonesTargetMesg>("ZONES_TARGET", { functionalThresholdPower: 280 });
    const record = (t: number, power: number, extra: RecordMesg = {}) => write<RecordMesg>("RECORD", { timestamp: start + t, power, ...extra });
    write<EventMesg>("EVENT", { timestamp: start, event: "timer", eventType: "start" });
    record(0, 100, { heartRate: 120, speed: 8.5 });
    record(1, 110, { heartRate: 121, speed: 8.6 });
    record(5, 150); // 4 s after the last: held (smart recording)
    record(20, 200); // 15 s: a gap, not held
    record(21, 210);
    write<EventMesg>("EVENT", { timestamp: start + 22, event: "timer", eventType: "stopAll" });
    write<EventMesg>("EVENT", { timestamp: start + 24, event: "timer", eventType: "start" });
    record(25, 250); // 4 s after the last, but the timer stopped in between: not held
    write<LapMesg>("LAP", { startTime: start, timestamp: start + 26, totalElapsedTime: 26, totalTimerTime: 24 });
    write<SessionMesg>("SESSION", { startTime: start, timestamp: start + 26, sport: "cycling", subSport: "road", totalTimerTime: 24, totalElapsedTime: 26, avgPower: 171, totalWork: 4104 });
    const activity = decodeFit(encoder.close());
    const held = (v: number | null, n: number) => Array.from({ length: n }, () => v);
    expect(activity.samples.power).toEqual([100, ...held(110, 4), ...held(150, 1), ...held(null, 14), 200, ...held(210, 1), null, null, null, 250]);
    expect(activity.samples.heartRate?.slice(0, 6)).toEqual([120, 121, 121, 121, 121, null]);
    expect(activity.samples.speed?.slice(0, 2)).toEqual([8.5, 8.6]);
    expect(activity).toMatchObject({ sport: "cycling", subSport: "road", durationSeconds: 24, length: 26, ftp: 280, title: null, device: "garmin edge1040" });
    expect(activity.laps).toEqual([{ start: 0, end: 26, name: null }]);
    expect(activity.recorded).toMatchObject({ avgPower: 171, totalWorkKj: 4.104, totalElapsedSeconds: 26, normalizedPower: null });
  });

  it("a file with HR messages (heart rate stored by the strap) gets it merged into the records", () => {
    const start = toFitSeconds(new Date("2026-03-01T10:00:00Z"));
    const encoder = new Encoder();
    const write = writer(encoder);
    write<FileIdMesg>("FILE_ID", { type: "activity", manufacturer: "garmin", product: 3843, serialNumber: 99 });
    for (let t = 0; t < 4; t++) write<RecordMesg>("RECORD", { timestamp: start + t, power: 200 });
    write<HrMesg>("HR", { timestamp: start, eventTimestamp: [0], filteredBpm: [130] });
    write<HrMesg>("HR", { eventTimestamp: [1, 2, 3], filteredBpm: [131, 132, 133] });
    const activity = decodeFit(encoder.close());
    expect(activity.samples.power).toEqual([200, 200, 200, 200]);
    // the SDK averages the beats in (t − 1, t] (carrying a value across gaps in 250 ms steps), and fills a record only
    // once it sees a beat after it, so the last record here stays without heart rate
    expect(activity.samples.heartRate).toEqual([130, 130, 131, null]);
  });

  it("without a session: starts at the first record, duration is the seconds with data", () => {
    const start = toFitSeconds(new Date("2026-03-01T10:00:00Z"));
    const encoder = new Encoder();
    const write = writer(encoder);
    write<FileIdMesg>("FILE_ID", { type: "activity", manufacturer: "development", product: 0, serialNumber: 1 });
    for (const t of [3, 4, 5, 30]) write<RecordMesg>("RECORD", { timestamp: start + t, heartRate: 100 + t });
    const activity = decodeFit(encoder.close());
    expect(activity.startTime.toISOString()).toBe("2026-03-01T10:00:03.000Z");
    expect(activity.length).toBe(28);
    expect(activity.durationSeconds).toBe(4);
    expect(activity.recorded).toBeNull();
    expect(activity.sport).toBe("generic");
  });
});
