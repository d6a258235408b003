import { describe, expect, it } from "vitest";
import { activityMetrics } from "./activity";
import type { Activity, ActivitySamples } from "../domain/activity";
import { activityOf } from "./__fixtures__/synthetic-activity";

const repeat = (value: number | null, n: number) => Array.from({ length: n }, () => value);

const activity = (samples: ActivitySamples, extra: Partial<Activity> = {}) => activityOf(samples, { subSport: "indoorCycling", ...extra });

describe("activityMetrics: power against hand-computed values (FTP 250)", () => {
  it("30 s at 200 W then 30 s at 300 W", () => {
    // Rolling 30 s means start at the 30th second (t = 29) and run to t = 59: 31 values. At t = 29 + k the window holds
    // k seconds of 300 W and 30 − k of 200 W, so its mean is 200 + 100k/30 (k = 0…30): 200, 203.33, …, 300.
    // Mean of the 4th powers = Σ (200 + 100k/30)^4 / 31 = 4,241,003,580.25 → NP = that^(1/4) = 255.192 W.
    // IF = 255.192 / 250 = 1.0208. TSS = 60 s × 255.192 × 1.0208 / (250 × 3600) × 100 = 1.7366.
    const m = activityMetrics(activity({ power: [...repeat(200, 30), ...repeat(300, 30)] }), 250);
    expect(m.avgPower).toBe(250);
    expect(m.maxPower).toBe(300);
    expect(m.normalizedPower).toBeCloseTo(255.19, 2);
    expect(m.intensityFactor).toBeCloseTo(1.02, 2);
    expect(m.tss).toBeCloseTo(1.74, 2);
    expect(m.ftp).toBe(250);
  });

  it("10 minutes: 5 min at 100 W, 5 min at 300 W", () => {
    // 571 rolling means (t = 29…599): 271 of 100 W (t = 29…299), 30 of the transition 100 + 200j/30 (j = 1…30, the
    // last being 300), then 270 of 300 W. Σ 4th powers = 271 × 100^4 + Σ_j (100 + 200j/30)^4 + 270 × 300^4
    // = 27.1e9 + 76,657,775,802.47 + 2,187e9 = 2,290,757,775,802.47; / 571 = 4,011,834,983.9 → NP = 251.673 W
    // (the plain average is 200 W). IF = 1.0067. TSS = 600 × 251.673 × 1.0067 / (250 × 3600) × 100 = 16.8904.
    const m = activityMetrics(activity({ power: [...repeat(100, 300), ...repeat(300, 300)] }), 250);
    expect(m.avgPower).toBe(200);
    expect(m.normalizedPower).toBeCloseTo(251.67, 2);
    expect(m.intensityFactor).toBeCloseTo(1.01, 2);
    expect(m.tss).toBeCloseTo(16.89, 2);
  });

  it("no FTP (or a non-positive one) → no IF/TSS, NP still computed", () => {
    const ride = activity({ power: repeat(200, 120) });
    for (const ftp of [null, 0, -5]) {
      const m = activityMetrics(ride, ftp);
      expect([m.intensityFactor, m.tss, m.ftp]).toEqual([null, null, null]);
      expect(m.normalizedPower).toBeCloseTo(200, 9);
    }
  });

  it("a second without power in a recording that has power is 0 W while the timer runs", () => {
    const m = activityMetrics(activity({ power: [...repeat(200, 600), ...repeat(null, 600)] }), 200);
    expect(m.avgPower).toBe(100);
    expect(m.maxPower).toBe(200);
    const zeros = activityMetrics(activity({ power: [...repeat(200, 600), ...repeat(0, 600)] }), 200);
    expect(m.normalizedPower).toBeCloseTo(zeros.normalizedPower ?? 0, 9);
    // all 1200 timer-running seconds are charged: 1200 × NP × IF / (200 × 3600) × 100
    expect(m.tss).toBeCloseTo(zeros.tss ?? 0, 9);
    expect(m.durationSeconds).toBe(1200);
  });
});

describe("activityMetrics: the other figures", () => {
  it("averages heart rate and cadence over positive readings (cadence zeros excluded)", () => {
    const m = activityMetrics(activity({ heartRate: [100, null, 0, 120], cadence: [90, 0, 0, null, 80] }), null);
    expect(m.avgHeartRate).toBe(110);
    expect(m.avgCadence).toBe(85);
    expect([m.avgPower, m.normalizedPower]).toEqual([null, null]);
  });

  it("distance: the recorded (session) total, else the last distance reading, else integrated speed, else null", () => {
    expect(activityMetrics(activity({ distance: [0, 5, 12.5, null] }), null).distanceMeters).toBe(12.5);
    const recorded = {
      totalTimerSeconds: null, totalElapsedSeconds: null, totalDistanceMeters: 4321, avgPower: null, maxPower: null, normalizedPower: null,
      intensityFactor: null, tss: null, avgHeartRate: null, maxHeartRate: null, avgCadence: null, totalWorkKj: null, calories: null,
    };
    expect(activityMetrics(activity({ speed: [5, 5] }, { recorded }), null).distanceMeters).toBe(4321);
    expect(activityMetrics(activity({ distance: [0, 1430] }, { recorded }), null).distanceMeters).toBe(4321);
    expect(activityMetrics(activity({ speed: [5, null, 7.5, 2] }), null).distanceMeters).toBe(14.5);
    expect(activityMetrics(activity({ power: [100] }), null).distanceMeters).toBeNull();
  });

  it("an empty activity has nulls, not zeros", () => {
    expect(activityMetrics(activity({}), 250)).toEqual({
      durationSeconds: 0, distanceMeters: null, avgPower: null, maxPower: null, normalizedPower: null, intensityFactor: null,
      tss: null, avgHeartRate: null, avgCadence: null, ftp: 250,
    });
  });
});
