import { describe, expect, it } from "vitest";
import { performanceManagement } from "./pmc";

describe("performance management chart", () => {
  it("matches a hand-worked example: 100, rest, 50", () => {
    // Day 1: CTL = 0 + (100 − 0)/42 = 2.380952; ATL = 0 + (100 − 0)/7 = 14.285714; TSB = 0 − 0 = 0.
    // Day 2: CTL = 2.380952 × 41/42 = 2.324263; ATL = 14.285714 × 6/7 = 12.244898; TSB = 2.380952 − 14.285714 = −11.904762.
    // Day 3: CTL = 2.324263 + (50 − 2.324263)/42 = 3.459400; ATL = 12.244898 + (50 − 12.244898)/7 = 17.638484;
    //        TSB = 2.324263 − 12.244898 = −9.920635.
    const days = performanceManagement(
      [
        { day: "2026-03-01", load: 60 },
        { day: "2026-03-01", load: 40 },
        { day: "2026-03-03", load: 50 },
      ],
      "2026-03-01",
      "2026-03-03",
    );
    expect(days.map((d) => d.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(days.map((d) => d.load)).toEqual([100, 0, 50]);
    const expected = [
      [2.380952, 14.285714, 0],
      [2.324263, 12.244898, -11.904762],
      [3.4594, 17.638484, -9.920635],
    ];
    days.forEach((d, i) => {
      expect(d.ctl).toBeCloseTo(expected[i]?.[0] ?? NaN, 5);
      expect(d.atl).toBeCloseTo(expected[i]?.[1] ?? NaN, 5);
      expect(d.tsb).toBeCloseTo(expected[i]?.[2] ?? NaN, 5);
    });
  });

  it("a steady 70 a day converges to fitness = fatigue = 70, form 0, ramp 0", () => {
    const loads = Array.from({ length: 600 }, (_, i) => ({ day: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), load: 70 }));
    const last = performanceManagement(loads, "2025-08-01", "2025-08-01")[0];
    expect(last?.ctl).toBeCloseTo(70, 3);
    expect(last?.atl).toBeCloseTo(70, 6);
    expect(last?.tsb).toBeCloseTo(0, 3);
    expect(last?.ramp).toBeCloseTo(0, 3);
  });

  it("carries history from before the range, and ramp is the fitness change over 7 days", () => {
    const loads = [{ day: "2026-01-01", load: 420 }];
    const [jan8] = performanceManagement(loads, "2026-01-08", "2026-01-08");
    const all = performanceManagement(loads, "2026-01-01", "2026-01-08");
    expect(jan8).toEqual(all.at(-1));
    expect(jan8?.ctl).toBeCloseTo(10 * (41 / 42) ** 7, 9);
    expect(jan8?.ramp).toBeCloseTo(10 * (41 / 42) ** 7 - 10, 9);
  });

  it("returns nothing for an empty or reversed range", () => {
    expect(performanceManagement([], "2026-02-02", "2026-02-01")).toEqual([]);
    expect(performanceManagement([], "x", "2026-02-01")).toEqual([]);
  });
});

describe("PMC days", () => {
  it("names every day correctly across leap years and centuries", () => {
    const days = performanceManagement([], "1999-12-30", "2001-03-02").map((d) => d.day);
    const expected = Array.from({ length: days.length }, (_, i) => new Date(Date.UTC(1999, 11, 30 + i)).toISOString().slice(0, 10));
    expect(days).toEqual(expected);
    expect(days).toContain("2000-02-29");
  });
});

describe("form labels and weekly rows", () => {
  it("names form bands", async () => {
    const { formLabel } = await import("./pmc");
    expect([30, 10, 0, -20, -40].map(formLabel)).toEqual(["Transition: fitness is fading", "Fresh: ready to race", "Neutral", "Optimal training load", "High risk: overreaching"]);
  });

  it("sums each week's load and keeps its last day's fitness", async () => {
    const { weeklyPmc } = await import("./pmc");
    const days = performanceManagement([{ day: "2026-03-02", load: 100 }, { day: "2026-03-09", load: 50 }], "2026-03-02", "2026-03-10");
    const weeks = weeklyPmc(days);
    expect(weeks.map((w) => [w.week, w.day, w.load])).toEqual([
      ["2026-03-02", "2026-03-08", 100],
      ["2026-03-09", "2026-03-10", 50],
    ]);
    expect(weeks[0]?.ctl).toBe(days[6]?.ctl);
  });
});
