import { describe, expect, it } from "vitest";
import { basicTpActivity, ourMetrics, tpActivity } from "./__fixtures__/activities";
import { compareMetrics, impliedTrainingPeaksFtp, METRIC_KEYS, roundMetrics, roundTo, tpActivityMetrics } from "./metrics";

const row = (rows: ReturnType<typeof compareMetrics>, key: string) => rows.find((r) => r.key === key);

describe("tpActivityMetrics", () => {
  it("takes TrainingPeaks' own figures as they are (duration from decimal hours)", () => {
    expect(tpActivityMetrics(tpActivity(), 265)).toEqual({
      durationSeconds: 7308,
      distanceMeters: 61234.5,
      avgPower: 182,
      maxPower: 512,
      normalizedPower: 197,
      intensityFactor: 0.74,
      tss: 118.4,
      avgHeartRate: 138,
      avgCadence: 88,
      ftp: 265,
    });
  });

  it("keeps a basic athlete's nulls and reports the threshold it was given", () => {
    const m = tpActivityMetrics(basicTpActivity(), 265);
    expect(m.durationSeconds).toBe(7308);
    expect(m.distanceMeters).toBe(61234.5);
    for (const key of ["avgPower", "maxPower", "normalizedPower", "intensityFactor", "tss", "avgHeartRate", "avgCadence"] as const) expect(m[key], key).toBeNull();
    expect(m.ftp).toBe(265);
    expect(tpActivityMetrics(basicTpActivity({ distanceMeters: 0 }), null)).toMatchObject({ distanceMeters: null, ftp: null });
  });
});

describe("impliedTrainingPeaksFtp", () => {
  it("prefers the current threshold when it reproduces TrainingPeaks' two-decimal IF", () => {
    expect(impliedTrainingPeaksFtp(197, 0.74, 265)).toBe(265);
  });

  it("derives NP / IF when the threshold does not fit (TrainingPeaks scored with an older FTP)", () => {
    expect(impliedTrainingPeaksFtp(197, 0.79, 265)).toBe(249);
    expect(impliedTrainingPeaksFtp(197, 0.74, null)).toBe(266);
  });

  it("falls back to the threshold without NP or IF", () => {
    expect(impliedTrainingPeaksFtp(null, null, 265)).toBe(265);
    expect(impliedTrainingPeaksFtp(197, 0, 265)).toBe(265);
  });
});

describe("roundMetrics", () => {
  it("rounds to the contract precision, in contract order, with nulls for non-finite values", () => {
    const rounded = roundMetrics(ourMetrics({ avgCadence: Number.NaN }));
    expect(Object.keys(rounded)).toEqual([...METRIC_KEYS]);
    expect(rounded).toEqual({
      durationSeconds: 7302,
      distanceMeters: 61190.3,
      avgPower: 181.6,
      maxPower: 515,
      normalizedPower: 196.5,
      intensityFactor: 0.741,
      tss: 111.5,
      avgHeartRate: 137.6,
      avgCadence: null,
      ftp: 265,
    });
    expect(Object.is(roundTo(-0.0001, 1), 0)).toBe(true);
  });
});

describe("compareMetrics", () => {
  it("gives ours, TrainingPeaks', the delta (ours − TrainingPeaks) and a flag for every metric", () => {
    const rows = compareMetrics(ourMetrics(), tpActivityMetrics(tpActivity(), 265));
    expect(rows.map((r) => r.key)).toEqual([...METRIC_KEYS]);
    expect(row(rows, "durationSeconds")).toMatchObject({ ours: 7302, trainingpeaks: 7308, delta: -6, deltaPercent: -0.1, flag: "ok", unit: "s" });
    expect(row(rows, "normalizedPower")).toMatchObject({ ours: 196.5, trainingpeaks: 197, delta: -0.5, flag: "ok" });
    // TrainingPeaks' 118.4 is 6.9 above ours: beyond 5 % (5.92).
    expect(row(rows, "tss")).toMatchObject({ ours: 111.5, trainingpeaks: 118.4, delta: -6.9, deltaPercent: -5.8, flag: "differs", tolerance: 5.9 });
    expect(row(rows, "ftp")).toMatchObject({ delta: 0, deltaPercent: 0, flag: "ok" });
  });

  it("treats a delta of exactly the tolerance as agreement and anything beyond as a difference", () => {
    const tp = tpActivityMetrics(tpActivity({ durationSeconds: 3600, normalizedPower: 100, intensityFactor: 0.74, avgHeartRate: 150 }), 265);
    const at = (over: Parameters<typeof ourMetrics>[0]) => compareMetrics(ourMetrics(over), tp);
    // duration: max(60 s, 2 % of 3600 = 72 s)
    expect(row(at({ durationSeconds: 3672 }), "durationSeconds")?.flag).toBe("ok");
    expect(row(at({ durationSeconds: 3673 }), "durationSeconds")?.flag).toBe("differs");
    // NP at 100 W: max(5 W, 3 W)
    expect(row(at({ normalizedPower: 95 }), "normalizedPower")?.flag).toBe("ok");
    expect(row(at({ normalizedPower: 94.9 }), "normalizedPower")?.flag).toBe("differs");
    // IF: ±0.02, exact despite binary floating point
    expect(row(at({ intensityFactor: 0.76 }), "intensityFactor")?.flag).toBe("ok");
    expect(row(at({ intensityFactor: 0.761 }), "intensityFactor")?.flag).toBe("differs");
    // heart rate at 150 bpm: max(2, 3) bpm
    expect(row(at({ avgHeartRate: 153 }), "avgHeartRate")?.flag).toBe("ok");
    expect(row(at({ avgHeartRate: 153.1 }), "avgHeartRate")?.flag).toBe("differs");
  });

  it("flags the side that is missing, and both missing is nothing to disagree about", () => {
    const rows = compareMetrics(ourMetrics({ avgCadence: null, maxPower: null }), tpActivityMetrics(basicTpActivity({ maxPower: 480 }), 265));
    expect(row(rows, "normalizedPower")).toMatchObject({ ours: 196.5, trainingpeaks: null, delta: null, flag: "missing_tp" });
    expect(row(rows, "maxPower")).toMatchObject({ ours: null, trainingpeaks: 480, flag: "missing_ours" });
    expect(row(rows, "avgCadence")).toMatchObject({ ours: null, trainingpeaks: null, flag: "ok" });
    expect(row(rows, "distanceMeters")?.flag).toBe("ok");
  });

  it("without a TrainingPeaks side every present value is missing_tp", () => {
    const rows = compareMetrics(ourMetrics({ avgHeartRate: null }), null);
    expect(rows.filter((r) => r.flag === "missing_tp")).toHaveLength(METRIC_KEYS.length - 1);
    expect(row(rows, "avgHeartRate")?.flag).toBe("ok");
  });

  it("has no percentage against a zero", () => {
    const rows = compareMetrics(ourMetrics({ avgPower: 3 }), tpActivityMetrics(tpActivity({ avgPower: 0 }), 265));
    expect(row(rows, "avgPower")).toMatchObject({ delta: 3, deltaPercent: null, flag: "ok" });
  });
});
