import { describe, expect, it } from "vitest";
import { sumWeeks } from "./weekly-volume";

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
