import { describe, expect, it } from "vitest";
import { sumWeeks, weeklyBars } from "./weekly-volume";

describe("sumWeeks", () => {
  it("adds time, output, TSS and workouts over the weeks", () => {
    const totals = sumWeeks([
      { week: "2026-04-27", seconds: 5400, outputKj: 600, tss: 80, workouts: 2 },
      { week: "2026-05-04", seconds: 0, outputKj: 0, tss: 0, workouts: 0 },
      { week: "2026-05-11", seconds: 1800, outputKj: 250, tss: 35, workouts: 1 },
    ]);
    expect(totals).toEqual({ hours: 2, outputKj: 850, tss: 115, workouts: 3 });
  });

  it("is all zeros for no weeks", () => {
    expect(sumWeeks([])).toEqual({ hours: 0, outputKj: 0, tss: 0, workouts: 0 });
  });
});

describe("weeklyBars", () => {
  const week = (day: string, hours: number, outputKj = 0, tss = 0) => ({ week: day, seconds: hours * 3600, outputKj, tss, workouts: hours > 0 ? 1 : 0 });
  const weeks = [week("2026-09-14", 6.5, 1234, 300), week("2026-09-21", 0), week("2026-09-28", 8.7, 900, 410)];

  it("draws bars from zero to a round top above the largest week", () => {
    const g = weeklyBars(weeks, "hours");
    expect(g.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(g.ticks[0]!.y).toBe(1);
    expect(g.ticks.at(-1)!.y).toBe(0);
    expect(g.bars.map((b) => b.value)).toEqual([6.5, 0, 8.7]);
    expect(g.bars[2]!.height).toBeCloseTo(0.87, 10);
    expect(g.bars[1]!.height).toBe(0);
  });

  it("steps output and TSS by whole round numbers", () => {
    expect(weeklyBars(weeks, "outputKj").ticks.map((t) => t.value)).toEqual([0, 500, 1000, 1500]);
    expect(weeklyBars(weeks, "tss").ticks.map((t) => t.value)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it("keeps an axis for weeks without workouts (no division by zero)", () => {
    const g = weeklyBars([week("2026-09-14", 0), week("2026-09-21", 0)], "tss");
    expect(g.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(g.bars.every((b) => b.height === 0)).toBe(true);
  });

  it("rounds hours to a tenth, as the tooltip says them", () => {
    expect(weeklyBars([{ week: "2026-09-14", seconds: 3 * 3600 + 125, outputKj: 0, tss: 0, workouts: 1 }], "hours").bars[0]!.value).toBe(3);
  });
});
