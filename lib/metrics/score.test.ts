import { describe, expect, it } from "vitest";
import type { Activity, ActivitySamples } from "@/lib/domain/activity";
import { NO_THRESHOLDS, type ResolvedThresholds } from "@/lib/domain/thresholds";
import { heartRateStress, trimp } from "./hr-stress";
import { gradeFactor, paceStress, rowingWattsForSplit } from "./pace-stress";
import { scoreActivity } from "./score";
import { activityOf } from "./__fixtures__/synthetic-activity";

const MILE = 1609.344;

const activity = (seconds: number, samples: ActivitySamples, extra: Partial<Activity> = {}) =>
  activityOf(samples, { startTime: new Date("2026-03-02T07:00:00Z"), length: seconds, durationSeconds: seconds, ...extra });

const steady = (seconds: number, value: number) => new Array<number>(seconds).fill(value);
const t = (value: number, source: "manual" | "trainingpeaks" = "manual") => ({ value, source, effectiveFrom: "2026-01-01", fallback: false });
const thresholds = (over: Partial<ResolvedThresholds>): ResolvedThresholds => ({ ...NO_THRESHOLDS, ...over });

describe("power TSS", () => {
  it("one hour at FTP scores 100", () => {
    const score = scoreActivity(activity(3600, { power: steady(3600, 250) }, { ftp: 250 }));
    expect(score).toMatchObject({ method: "power", intensity: 1, seconds: 3600, threshold: { kind: "ftp", value: 250, source: "activity" } });
    expect(score.tss).toBeCloseTo(100, 9);
  });

  it("Coggan's example: two hours at NP 200 W with FTP 250 W is IF 0.80, TSS 128", () => {
    const score = scoreActivity(activity(7200, { power: steady(7200, 200) }, { thresholds: thresholds({ ftp: t(250, "trainingpeaks") }), discipline: "cycling" }));
    expect(score.intensity).toBeCloseTo(0.8, 9);
    expect(score.tss).toBeCloseTo(128, 9);
    expect(score.threshold).toEqual({ kind: "ftp", value: 250, source: "trainingpeaks" });
  });
});

describe("pace TSS (rTSS from normalized graded pace)", () => {
  it("one hour at threshold pace on the flat scores 100", () => {
    const score = scoreActivity(activity(3600, { speed: steady(3600, 3.7) }, { sport: "running", thresholds: thresholds({ runPace: t(3.7) }) }));
    expect(score).toMatchObject({ method: "pace", seconds: 3600, threshold: { kind: "run_pace", value: 3.7 } });
    expect(score.tss).toBeCloseTo(100, 9);
  });

  it("TrainingPeaks' worked example: threshold 6:00 /mile, an hour at 7:00 /mile NGP → IF 0.857, rTSS 73.5", () => {
    const result = paceStress({ seconds: 3600, normalizedSpeed: MILE / 420, thresholdSpeed: MILE / 360 });
    expect(result?.intensity).toBeCloseTo(6 / 7, 9);
    expect(result?.tss).toBeCloseTo(73.47, 2);
  });

  it("Tread incline counts: Minetti's cost makes 10 % uphill worth 1.66 × the flat speed", () => {
    expect(gradeFactor(0)).toBe(1);
    expect(gradeFactor(0.1)).toBeCloseTo(5.968214 / 3.6, 6);
    const flat = scoreActivity(activity(2700, { speed: steady(2700, 1.6) }, { discipline: "walking", sport: "walking", thresholds: thresholds({ runPace: t(3.7) }) }));
    const uphill = scoreActivity(activity(2700, { speed: steady(2700, 1.6), grade: steady(2700, 10) }, { discipline: "walking", sport: "walking", thresholds: thresholds({ runPace: t(3.7) }) }));
    expect(uphill.tss / flat.tss).toBeCloseTo((5.968214 / 3.6) ** 2, 4);
  });

  it("an outdoor run without an incline channel takes its grade from altitude over distance", () => {
    const distance = Array.from({ length: 1800 }, (_, i) => i * 3);
    const altitude = distance.map((d) => d * 0.05);
    const hilly = scoreActivity(activity(1800, { speed: steady(1800, 3), distance, altitude }, { sport: "running", thresholds: thresholds({ runPace: t(3.7) }) }));
    const flat = scoreActivity(activity(1800, { speed: steady(1800, 3), distance }, { sport: "running", thresholds: thresholds({ runPace: t(3.7) }) }));
    expect(hilly.tss).toBeGreaterThan(flat.tss * 1.3);
  });
});

describe("heart-rate TSS", () => {
  const hr = { threshold: 168, max: 188, resting: 48 };

  it("one hour at threshold heart rate scores 100", () => {
    const result = heartRateStress(steady(3600, 168), hr);
    expect(result?.tss).toBeCloseTo(100, 9);
    expect(result?.intensity).toBeCloseTo(1, 9);
  });

  it("Banister's worked TRIMP: 30 minutes at 130 bpm with max 200 and resting 40 is 31.8", () => {
    expect(trimp(steady(1800, 130), { max: 200, resting: 40 })).toBeCloseTo(31.8, 1);
  });

  it("scores a ride without an FTP, and a strength class, from heart rate; dropouts add nothing", () => {
    const withHr = thresholds({ thresholdHr: t(168), maxHr: t(188), restingHr: t(48) });
    const ride = scoreActivity(activity(3600, { power: steady(3600, 200), heartRate: steady(3600, 150) }, { thresholds: withHr }));
    expect(ride.method).toBe("heart_rate");
    expect(ride.threshold).toMatchObject({ kind: "threshold_hr", value: 168 });
    const gappy = steady(3600, 150).map((v, i) => (i < 1800 ? v : null));
    const strength = scoreActivity(activity(3600, { heartRate: gappy }, { sport: "training", discipline: "strength", thresholds: withHr }));
    expect(strength.method).toBe("heart_rate");
    expect(strength.tss).toBeCloseTo(ride.tss / 2, 6);
  });
});

describe("rows", () => {
  it("a powered row is scored against the power of the rowing threshold split (2:00 /500 m ≈ 203 W)", () => {
    expect(rowingWattsForSplit(120)).toBeCloseTo(202.55, 2);
    const row = scoreActivity(activity(1200, { power: steady(1200, 202.546), speed: steady(1200, 500 / 120) }, { sport: "rowing", discipline: "caesar", thresholds: thresholds({ rowSplit: t(120), ftp: t(300) }) }));
    expect(row).toMatchObject({ method: "power", threshold: { kind: "row_split", value: 120 } });
    expect(row.tss).toBeCloseTo(100 / 3, 1);
  });

  it("without power a row is scored from its split", () => {
    const row = scoreActivity(activity(3600, { speed: steady(3600, 500 / 120) }, { sport: "rowing", discipline: "caesar", thresholds: thresholds({ rowSplit: t(120) }) }));
    expect(row.method).toBe("pace");
    expect(row.tss).toBeCloseTo(100, 6);
  });
});

describe("estimates", () => {
  it("label strength, yoga and meditation without heart rate as estimates per hour", () => {
    const strength = scoreActivity(activity(2700, {}, { sport: "training", discipline: "strength" }));
    expect(strength).toMatchObject({ method: "estimate", perHour: 40, intensity: null, threshold: null });
    expect(strength.tss).toBeCloseTo(30, 9);
    expect(scoreActivity(activity(600, {}, { sport: "training", discipline: "meditation" })).tss).toBe(0);
  });

  it("a ride with power but no FTP and no heart rate is an estimate, never a guess at FTP", () => {
    const score = scoreActivity(activity(1800, { power: steady(1800, 180) }, { discipline: "cycling" }));
    expect(score).toMatchObject({ method: "estimate", perHour: 50 });
  });
});
