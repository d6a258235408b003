import { Decoder, Stream } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { decodeFit } from "./decode";
import { encodeFit, fitFileName, utcOffsetSeconds } from "./encode";
import { activityMetrics } from "@/lib/metrics/activity";
import type { Activity } from "@/lib/domain/activity";

/** 20 minutes, 3 named laps, every channel, a short and a long dropout of every channel, and a heart-rate-only gap. */
function twentyMinuteRide(): Activity {
  const ride = syntheticRide({ seconds: 1200, laps: 3, dropouts: [[300, 302], [600, 660]], ftp: 250 });
  const heartRate = ride.samples.heartRate ?? [];
  for (let i = 900; i < 905; i++) heartRate[i] = null;
  const altitude = Array.from({ length: 1200 }, (_, i) => (i >= 600 && i < 660 ? null : Math.round((120 + Math.sin(i / 60) * 15) * 5) / 5));
  return { ...ride, samples: { ...ride.samples, heartRate, altitude } };
}

function expectClose(actual: readonly (number | null)[] | undefined, expected: readonly (number | null)[] | undefined, tolerance: number) {
  expect(actual?.length).toBe(expected?.length);
  (expected ?? []).forEach((value, i) => {
    const got = actual?.[i];
    if (value === null) expect(got, `second ${i}`).toBeNull();
    else expect(Math.abs((got ?? Number.NaN) - value), `second ${i}: ${got} vs ${value}`).toBeLessThanOrEqual(tolerance);
  });
}

describe("encodeFit → decodeFit round trip", () => {
  const original = twentyMinuteRide();
  const bytes = encodeFit(original);
  const decoded = decodeFit(bytes);

  it("writes a FIT file that passes the SDK's integrity check and reads without errors", () => {
    const decoder = new Decoder(Stream.fromByteArray(bytes));
    expect(decoder.isFIT()).toBe(true);
    expect(decoder.checkIntegrity()).toBe(true);
    const { messages, errors } = decoder.read();
    expect(errors).toEqual([]);
    expect(messages.fileIdMesgs?.[0]).toMatchObject({ type: "activity", manufacturer: "development" });
    expect(messages.activityMesgs).toHaveLength(1);
    expect(messages.sessionMesgs).toHaveLength(1);
    expect(messages.eventMesgs?.map((e) => e.eventType)).toEqual(["start", "stop"]);
    expect(messages.deviceInfoMesgs?.[0]).toMatchObject({ deviceIndex: "creator", productName: "AutoCoach" });
  });

  it("keeps integer channels exactly, speed within 0.001 m/s, distance within 0.01 m, altitude within 0.2 m", () => {
    expect(decoded.length).toBe(1200);
    // seconds 300–301 lost power but kept altitude: a record without power in a recording with power reads as 0 W,
    // which every figure already counted it as (lib/metrics/power.ts)
    expect(decoded.samples.power).toEqual(original.samples.power?.map((w, i) => w ?? (i >= 300 && i < 302 ? 0 : null)));
    expect(decoded.samples.cadence).toEqual(original.samples.cadence);
    expect(decoded.samples.heartRate).toEqual(original.samples.heartRate);
    expectClose(decoded.samples.speed, original.samples.speed, 0.0005);
    expectClose(decoded.samples.distance, original.samples.distance, 0.005);
    expectClose(decoded.samples.altitude, original.samples.altitude, 0.1);
  });

  it("keeps the dropouts as nulls (a 2-second dropout is not bridged by the smart-recording hold)", () => {
    expect(decoded.samples.heartRate?.slice(299, 303)).toEqual([original.samples.heartRate?.[299], null, null, original.samples.heartRate?.[302]]);
    expect(decoded.samples.power?.slice(600, 660).every((w) => w === null)).toBe(true);
    expect(decoded.samples.heartRate?.slice(900, 905)).toEqual([null, null, null, null, null]);
  });

  it("keeps laps (with names), sport, title, FTP, start time and duration", () => {
    expect(decoded.laps).toEqual(original.laps);
    expect(decoded.sport).toBe("cycling");
    expect(decoded.subSport).toBe("indoorCycling");
    expect(decoded.title).toBe("Synthetic Ride");
    expect(decoded.ftp).toBe(250);
    expect(decoded.startTime.toISOString()).toBe("2026-05-02T07:12:05.000Z");
    expect(decoded.durationSeconds).toBe(1200);
    // our own files name AutoCoach as the device, not FIT's "development" manufacturer
    expect(decoded.device).toBe("AutoCoach");
  });

  it("writes session totals computed with the shared metrics", () => {
    const metrics = activityMetrics(original, 250);
    const recorded = decoded.recorded;
    expect(recorded).not.toBeNull();
    expect(recorded?.totalTimerSeconds).toBe(metrics.durationSeconds);
    expect(recorded?.totalElapsedSeconds).toBe(1200);
    expect(recorded?.totalDistanceMeters).toBeCloseTo(metrics.distanceMeters ?? Number.NaN, 2);
    expect(recorded?.avgPower).toBe(Math.round(metrics.avgPower ?? Number.NaN));
    expect(recorded?.maxPower).toBe(metrics.maxPower);
    expect(recorded?.normalizedPower).toBe(Math.round(metrics.normalizedPower ?? Number.NaN));
    expect(recorded?.intensityFactor).toBeCloseTo(metrics.intensityFactor ?? Number.NaN, 3);
    expect(recorded?.tss).toBeCloseTo(metrics.tss ?? Number.NaN, 1);
    expect(recorded?.avgHeartRate).toBe(Math.round(metrics.avgHeartRate ?? Number.NaN));
    expect(recorded?.avgCadence).toBe(Math.round(metrics.avgCadence ?? Number.NaN));
    // and the decoded samples give the same figures as the original
    expect(activityMetrics(decoded, decoded.ftp)).toMatchObject({ ...metrics, distanceMeters: expect.closeTo(metrics.distanceMeters ?? 0, 2) });
  });

  it("is deterministic for the same activity", () => {
    expect(encodeFit(original)).toEqual(bytes);
  });
});

describe("encodeFit edge cases", () => {
  const base = syntheticRide({ seconds: 300, laps: 1, ftp: null });

  it("tiles laps that leave gaps, and writes one lap for a ride without laps", () => {
    const gappy = decodeFit(encodeFit({ ...base, laps: [{ start: 100, end: 200, name: "Climb" }] }));
    expect(gappy.laps).toEqual([
      { start: 0, end: 100, name: null },
      { start: 100, end: 200, name: "Climb" },
      { start: 200, end: 300, name: null },
    ]);
    expect(decodeFit(encodeFit({ ...base, laps: [], title: null })).laps).toEqual([{ start: 0, end: 300, name: null }]);
  });

  it("keeps leading and trailing empty seconds, pauses in the timer time, and no FTP", () => {
    const power = base.samples.power?.map((w, i) => (i < 10 || i >= 290 ? null : w)) ?? [];
    const activity: Activity = { ...base, durationSeconds: 250, samples: { power } };
    const decoded = decodeFit(encodeFit(activity));
    expect(decoded.length).toBe(300);
    expect(decoded.samples.power).toEqual(power);
    expect(decoded.durationSeconds).toBe(250);
    expect(decoded.ftp).toBeNull();
    expect(decoded.recorded?.tss).toBeNull();
    expect(Object.keys(decoded.samples)).toEqual(["power"]);
  });

  it("maps sports and sub-sports, generic sub-sport as null", () => {
    const run = decodeFit(encodeFit({ ...base, sport: "running", subSport: "treadmill" }));
    expect([run.sport, run.subSport]).toEqual(["running", "treadmill"]);
    const other = decodeFit(encodeFit({ ...base, sport: "training", subSport: null }));
    expect([other.sport, other.subSport]).toEqual(["training", null]);
  });

  it("names files by the class title and the local start in the user's zone, and writes that zone's local time", () => {
    // before: "2026-05-02-07-12-05.fit" whatever the user's zone, so the file said 07:12 where the page said 03:12
    expect(fitFileName(base, "America/New_York")).toBe("2026-05-02 03-12 Synthetic Ride.fit");
    expect(fitFileName(base, null)).toBe("2026-05-02 07-12 Synthetic Ride.fit");
    expect(fitFileName({ ...base, title: ' 45 min "Pop" Ride: 2000s / Live\n' }, "Europe/Berlin")).toBe("2026-05-02 09-12 45 min Pop Ride 2000s Live.fit");
    expect(fitFileName({ ...base, title: null }, "UTC")).toBe("2026-05-02 07-12 Workout.fit");
    expect(utcOffsetSeconds(new Date("2026-05-02T07:12:05Z"), "America/New_York")).toBe(-4 * 3600);
    expect(utcOffsetSeconds(new Date("2026-01-02T07:12:05Z"), "Europe/Paris")).toBe(3600);
    expect(utcOffsetSeconds(new Date(), "Not/AZone")).toBe(0);
    const { messages } = new Decoder(Stream.fromByteArray(encodeFit(base, { timeZone: "America/New_York" }))).read({ convertDateTimesToDates: false });
    const activity = messages.activityMesgs?.[0];
    expect(Number(activity?.localTimestamp) - Number(activity?.timestamp)).toBe(-4 * 3600);
  });
});
