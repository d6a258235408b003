import { describe, expect, it } from "vitest";
import type { PaceIntensityLevel } from "@/lib/domain/targets";
import { paceIntensityBands, paceIntensitySpeedBands, paceLevelRange, validPaceLevel } from "./pace";

// A hand-made table (seconds per mile): Moderate at level 5 is 8:00–8:30 /mi, level 6 is 7:30–8:00 /mi.
const table: PaceIntensityLevel[] = [
  {
    value: 1,
    name: "Easy",
    levels: [{ slug: "level_5", name: "Level 5", fastSeconds: 540, slowSeconds: 570 }],
  },
  {
    value: 2,
    name: "Moderate",
    levels: [
      { slug: "level_5", name: "Level 5", fastSeconds: 480, slowSeconds: 510 },
      { slug: "level_6", name: "Level 6", fastSeconds: 450, slowSeconds: 480 },
    ],
  },
];

describe("pace intensity resolution", () => {
  it("picks the user's level by slug", () => {
    expect(paceLevelRange(table, 2, 5)).toEqual({ name: "Moderate", fastSeconds: 480, slowSeconds: 510 });
    expect(paceLevelRange(table, 2, 6)).toEqual({ name: "Moderate", fastSeconds: 450, slowSeconds: 480 });
  });

  it("falls back to the N-th entry when slugs are missing, and gives up without a match", () => {
    const unnamed: PaceIntensityLevel[] = [{ value: 0, name: "Recovery", levels: [{ slug: "x", name: "", fastSeconds: 600, slowSeconds: 660 }] }];
    expect(paceLevelRange(unnamed, 0, 1)).toEqual({ name: "Recovery", fastSeconds: 600, slowSeconds: 660 });
    expect(paceLevelRange(table, 3, 5)).toBeNull();
    expect(paceLevelRange(table, 1, 7)).toBeNull();
    expect(validPaceLevel(0)).toBe(false);
    expect(validPaceLevel(11)).toBe(false);
    expect(validPaceLevel(10)).toBe(true);
  });

  it("pace channel: decimal minutes, lower = faster; faster than the range is 'over', slower is 'under'", () => {
    const [band] = paceIntensityBands([{ start: 60, end: 180, intensity: 2 }], table, 5, "min/mi");
    expect(band).toMatchObject({ start: 60, end: 180, lower: 8, upper: 8.5, label: "Moderate 8:00–8:30 /mi" });
    expect([7.9, 8, 8.25, 8.5, 8.6].map((p) => band?.classify(p))).toEqual([1, 0, 0, 0, -1]);
  });

  it("speed channel: 3600 / seconds per mile = mph", () => {
    const [band] = paceIntensitySpeedBands([{ start: 0, end: 60, intensity: 2 }], table, 5, "mph");
    // 3600 / 510 = 7.0588…, 3600 / 480 = 7.5
    expect(band).toMatchObject({ lower: 7.06, upper: 7.5, label: "Moderate 7.1–7.5 mph" });
    expect([7, 7.06, 7.5, 7.6].map((s) => band?.classify(s))).toEqual([-1, 0, 0, 1]);
  });

  it("leaves out spans it cannot resolve", () => {
    expect(paceIntensityBands([{ start: 0, end: 60, intensity: 9 }], table, 5, "min/mi")).toEqual([]);
  });
});
