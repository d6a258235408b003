import { describe, expect, it } from "vitest";
import type { Activity, Sample } from "./activity";
import { DEMO_ATHLETES } from "./athletes";
import { computeFileMetrics, normalizedPower, powerAt1Hz } from "./file-metrics";

const T0 = Date.UTC(2026, 4, 10, 13, 0, 0);
const at = (second: number, power?: number, heartRate?: number): Sample => ({ t: T0 + second * 1000, power, heartRate });

describe("powerAt1Hz", () => {
  it("holds the last value over short (smart-recording) gaps and counts long gaps as stopped", () => {
    expect(powerAt1Hz([at(0, 100), at(3, 200), at(4, 210)])).toEqual([100, 100, 100, 200, 210]);
    expect(powerAt1Hz([at(0, 100), at(8, 200)])).toEqual([100, 100, 100, 100, 100, 100, 0, 0, 200]);
  });

  it("lets the last record in a second win", () => {
    expect(powerAt1Hz([at(0, 100), at(0.4, 150), at(1, 200)])).toEqual([150, 200]);
  });
});

describe("normalizedPower", () => {
  it("equals steady power, uses the plain mean under 30 s, and is null without data", () => {
    expect(normalizedPower(Array.from({ length: 600 }, () => 230))).toBeCloseTo(230, 10);
    expect(normalizedPower([100, 200])).toBe(150);
    expect(normalizedPower([])).toBeNull();
  });

  it("weights surges: 30 s on / 30 s off at 400/0 W is well above the 200 W average", () => {
    const series = Array.from({ length: 1200 }, (_, second) => (Math.floor(second / 30) % 2 === 0 ? 400 : 0));
    const np = normalizedPower(series) ?? 0;
    expect(np).toBeGreaterThan(240);
    expect(np).toBeLessThan(400);
  });
});

describe("computeFileMetrics", () => {
  it("falls back to heart-rate TSS without power, against the athlete's threshold HR", () => {
    const samples = Array.from({ length: 1801 }, (_, second) => at(second, undefined, 151));
    const activity: Activity = { format: "fit", sport: "Other", startMs: T0, timerSeconds: null, distance: null, calories: null, samples };
    const metrics = computeFileMetrics(activity, DEMO_ATHLETES.demo, "Other");
    expect(metrics).toMatchObject({ TotalTime: 0.5, TssCalculationMethod: "HeartRate", IF: 0.9, PowerAverage: null, Energy: null, Calories: null });
    expect(metrics.TssActual).toBe(Math.round(0.5 * (151 / 168) ** 2 * 1000) / 10);
  });
});
