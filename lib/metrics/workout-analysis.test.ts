import { describe, expect, it } from "vitest";
import type { Activity, ActivitySamples } from "@/lib/domain/activity";
import { analyzeWorkout } from "./workout-analysis";

function activity(samples: ActivitySamples, seconds: number): Activity {
  return { startTime: new Date(0), sport: "cycling", subSport: null, title: null, length: seconds, durationSeconds: seconds, samples, laps: [], ftp: null, recorded: null, device: null };
}

describe("per-workout analysis", () => {
  it("a steady ride: VI 1.00, EF = power ÷ heart rate, no decoupling, no work above FTP", () => {
    const a = analyzeWorkout(activity({ power: new Array(3600).fill(200), heartRate: new Array(3600).fill(140) }, 3600), 250, "bike");
    expect(a.variabilityIndex).toBeCloseTo(1, 9);
    expect(a.efficiencyFactor).toEqual({ value: 200 / 140, basis: "power" });
    expect(a.aerobicDecoupling).toBeCloseTo(0, 9);
    expect(a.workAboveFtpKj).toBe(0);
    expect(a.secondsAboveFtp).toBe(0);
  });

  it("heart rate drifting up at the same power decouples: 140 then 147 bpm is 4.8 %", () => {
    const hr = Array.from({ length: 3600 }, (_, i) => (i < 1800 ? 140 : 147));
    const a = analyzeWorkout(activity({ power: new Array(3600).fill(200), heartRate: hr }, 3600), 250, "bike");
    expect(a.aerobicDecoupling).toBeCloseTo(((200 / 140 - 200 / 147) / (200 / 140)) * 100, 9);
  });

  it("intervals: 5 × 1 min at 350 W over FTP 250 is 30 kJ above FTP in 300 s, and VI above 1", () => {
    const power = Array.from({ length: 1800 }, (_, i) => (i % 360 < 60 ? 350 : 150));
    const a = analyzeWorkout(activity({ power }, 1800), 250, "bike");
    expect(a.workAboveFtpKj).toBeCloseTo(30, 9);
    expect(a.secondsAboveFtp).toBe(300);
    expect(a.variabilityIndex).toBeGreaterThan(1.1);
    expect(a.efficiencyFactor).toBeNull();
  });

  it("a run's efficiency factor is graded metres per minute per beat", () => {
    const a = analyzeWorkout(activity({ speed: new Array(1200).fill(3), heartRate: new Array(1200).fill(150) }, 1200), null, "run");
    expect(a.efficiencyFactor).toEqual({ value: 180 / 150, basis: "pace" });
    expect(a.variabilityIndex).toBeNull();
  });

  it("too little data gives no decoupling; nothing to analyse gives nothing", () => {
    expect(analyzeWorkout(activity({ power: new Array(400).fill(200), heartRate: new Array(400).fill(140) }, 400), 250, "bike").aerobicDecoupling).toBeNull();
    expect(analyzeWorkout(activity({}, 600), 250, "other")).toEqual({ variabilityIndex: null, efficiencyFactor: null, aerobicDecoupling: null, workAboveFtpKj: null, secondsAboveFtp: null });
  });
});
