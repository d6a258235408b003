import { describe, expect, it } from "vitest";
import type { ClassTargets } from "@/lib/domain/targets";
import type { WorkoutSeries } from "@/lib/domain/series";
import { buildWorkoutChart } from "./workout-chart";
import { estimatePaceLevel } from "./pace-level";

// A level table in min/mi: level N runs intensity 1 ("Easy") at 12 − N/2 … 11.5 − N/2 min/mi.
const levels = [
  {
    value: 1,
    name: "Easy",
    levels: Array.from({ length: 10 }, (_, i) => ({ slug: `level_${i + 1}`, name: `Level ${i + 1}`, fastSeconds: (11.5 - (i + 1) / 2) * 60, slowSeconds: (12 - (i + 1) / 2) * 60 })),
  },
];
const targets: ClassTargets = {
  powerZones: [], cadence: [], resistance: [], speed: [], incline: [],
  paceIntensity: [{ start: 0, end: 600, intensity: 1 }],
  paceIntensityLevels: levels,
  expectedOutputKj: null,
};

function run(minPerMile: number): WorkoutSeries {
  return { intervalSeconds: 1, firstOffset: 1, length: 600, channels: { pace: Array.from({ length: 600 }, () => minPerMile) }, units: { pace: "min/mi" } };
}

describe("estimatePaceLevel", () => {
  it("finds the level whose Easy pace the athlete actually ran", () => {
    // 9:15 min/mi = 9.25 is inside level 5's Easy band (9.0–9.5)
    const level = estimatePaceLevel({ discipline: "running", series: run(9.25), targets, segments: [], ftp: null, heartRate: { maxHr: null, lthr: null } });
    expect(level).toBe(5);
    const chart = buildWorkoutChart({ discipline: "running", series: run(9.25), targets, segments: [], ftp: null, paceLevel: level, heartRate: { maxHr: null, lthr: null } });
    expect(chart.compliance.find((c) => c.metric === "pace")?.inSeconds).toBe(600);
  });

  it("is null without pace-intensity targets", () => {
    expect(estimatePaceLevel({ discipline: "running", series: run(9), targets: { ...targets, paceIntensity: [] }, segments: [], ftp: null, heartRate: { maxHr: null, lthr: null } })).toBeNull();
  });
});
