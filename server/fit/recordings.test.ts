import { describe, expect, it } from "vitest";
import { autoPause, coastingWithoutPower, compressedTimestamps, heartRateDropouts, multisport, sessionTotals } from "./__fixtures__/recordings";
import { encodeFit } from "./encode";
import { decodeFit } from "./decode";
import { activityFigures, activityMetrics } from "@/lib/metrics/activity";
import { isAppError } from "@/lib/errors/app-error";

/**
 * Real recordings, one team-written FIT fixture per case (server/fit/__fixtures__/recordings.ts): each test states
 * the figure the recording device shows, and our decode + metrics must show the same (rounded as displayed).
 */
const whole = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));

describe("case 10: FIT decoding of valid files the SDK alone refuses, and exact sizes for cut files", () => {
  it("decodes a Karoo ride whose records use compressed-timestamp headers (device: 20:00, 9.60 km, 210 W avg, NP 231 W)", () => {
    const recording = compressedTimestamps();
    const activity = decodeFit(recording.bytes);
    const m = activityMetrics(activity, 230);
    expect(activity.length).toBe(1200);
    expect(m.durationSeconds).toBe(1200);
    expect(m.distanceMeters).toBe(9600);
    expect(whole(m.avgPower)).toBe(210);
    expect(m.maxPower).toBe(345);
    expect(whole(m.normalizedPower)).toBe(231);
    expect(whole(m.avgHeartRate)).toBe(135);
    expect(activity.samples.power?.every((v) => typeof v === "number")).toBe(true);
  });

  it("says exactly how many bytes a cut file promises and has", () => {
    const bytes = compressedTimestamps().bytes;
    const cut = bytes.subarray(0, bytes.length - 23);
    try {
      decodeFit(cut);
      expect.unreachable();
    } catch (error) {
      if (!isAppError(error, "fit.truncated")) throw error;
      expect(error.message).toContain(`its header promises ${bytes.length.toLocaleString("en-US")} bytes but the file has ${cut.length.toLocaleString("en-US")}`);
    }
  });
});

describe("case 1: a recording with a power meter counts records without power as 0 W", () => {
  it("a hilly ride whose head unit writes no power while coasting (device: 178 W avg, NP 242 W, 333 W max)", () => {
    const activity = decodeFit(coastingWithoutPower().bytes);
    const m = activityMetrics(activity, 270);
    expect(whole(m.avgPower)).toBe(178);
    expect(whole(m.normalizedPower)).toBe(242);
    expect(m.maxPower).toBe(333);
    // coasting seconds are 0 W readings, so TSS charges the whole hour
    expect(activity.samples.power?.filter((v) => v === 0).length).toBe(1200);
    expect(whole(m.tss)).toBe(whole(((3600 * 241.7 * (241.7 / 270)) / (270 * 3600)) * 100));
  });

  it("a file without any power stays without power (a run is not 0 W)", () => {
    const activity = decodeFit(sessionTotals().bytes);
    expect(activity.samples.power).toBeUndefined();
    expect(activityMetrics(activity, 270).avgPower).toBeNull();
  });
});

describe("case 2: auto-pause; NP's 30 s rolling average runs over timer-running time only", () => {
  const recording = autoPause();
  it("a city ride paused at six traffic lights (device: 29:15 timer time, 222 W avg, NP 243 W)", () => {
    const activity = decodeFit(recording.bytes);
    const m = activityMetrics(activity, 250);
    expect(activity.length).toBe(2400);
    expect(m.durationSeconds).toBe(1755);
    expect(whole(m.avgPower)).toBe(222);
    expect(whole(m.normalizedPower)).toBe(243);
    expect(activity.pauses).toEqual(recording.pauses);
  });

  it("keeps the pauses through our own FIT export", () => {
    const activity = decodeFit(recording.bytes);
    const again = decodeFit(encodeFit(activity));
    expect(again.pauses).toEqual(activity.pauses);
    expect(activityMetrics(again, 250)).toEqual(activityMetrics(activity, 250));
  });
});

describe("case 4: the session's totals win over the last record", () => {
  const recording = sessionTotals();
  it("a treadmill run whose records stop at 1,430 m (device: 15:00, 2,341 m, 187 kcal)", () => {
    const activity = decodeFit(recording.bytes);
    const f = activityFigures(activity, null);
    expect(f.durationSeconds).toBe(900);
    expect(f.distanceMeters).toBe(2341);
    expect(f.calories).toBe(187);
    expect(whole(f.avgHeartRate)).toBe(145);
  });

  it("our FIT export carries the same totals in its session", () => {
    const again = decodeFit(encodeFit(decodeFit(recording.bytes)));
    expect(again.recorded).toMatchObject({ totalDistanceMeters: 2341, calories: 187, totalTimerSeconds: 900 });
    expect(activityFigures(again, null)).toMatchObject({ distanceMeters: 2341, calories: 187, durationSeconds: 900 });
  });
});

describe("case 3: a multisport file sums its sessions and keeps each leg's sport", () => {
  const recording = multisport();
  const [bike, run] = recording.sessions;
  it("a brick: 30 min bike + 15 min run (device: 16.74 km + 3.11 km = 19.85 km, 45:00)", () => {
    const activity = decodeFit(recording.bytes);
    const f = activityFigures(activity, 260);
    expect(activity.sport).toBe("multisport");
    expect(f.durationSeconds).toBe(2700);
    expect(f.distanceMeters).toBeCloseTo((bike?.distanceMeters ?? 0) + (run?.distanceMeters ?? 0), 2);
    expect(f.distanceMeters).toBeCloseTo(19847.14, 2);
    expect(f.legs.map((leg) => [leg.sport, leg.durationSeconds, Math.round(leg.distanceMeters ?? 0)])).toEqual([
      ["cycling", 1800, 16740],
      ["running", 900, 3107],
    ]);
    expect(whole(f.legs[0]?.avgPower)).toBe(whole(bike?.avgPower));
    expect(f.legs[1]?.avgPower).toBeNull();
    // the run had no power meter: the activity's power is the bike's, not diluted by 15 min of 0 W
    expect(whole(f.avgPower)).toBe(whole(bike?.avgPower));
  });

  it("our FIT export writes one session per leg", () => {
    const activity = decodeFit(recording.bytes);
    const again = decodeFit(encodeFit(activity));
    expect(again.sessions?.map((s) => [s.sport, s.start, s.end])).toEqual([
      ["cycling", 0, 1800],
      ["running", 1800, 2700],
    ]);
    expect(activityFigures(again, 260).distanceMeters).toBeCloseTo(activityFigures(activity, 260).distanceMeters ?? 0, 2);
  });
});

describe("case 6: 0 bpm from a strap that lost contact is no reading", () => {
  it("an indoor ride with three strap dropouts (device: 150 bpm avg, 159 max)", () => {
    const activity = decodeFit(heartRateDropouts().bytes);
    const f = activityFigures(activity, 240);
    expect(whole(f.avgHeartRate)).toBe(150);
    expect(f.maxHeartRate).toBe(159);
    expect(activity.samples.heartRate?.slice(400, 470).every((v) => v === null)).toBe(true);
    const again = decodeFit(encodeFit(activity));
    expect(again.recorded?.avgHeartRate).toBe(150);
    expect(again.samples.heartRate?.includes(0)).toBe(false);
  });
});
