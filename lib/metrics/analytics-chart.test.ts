import { describe, expect, it } from "vitest";
import { curveRows, curveValue, dayTickLabel, dayTicks, formatEffortDuration } from "./analytics-chart";

describe("analytics chart shaping", () => {
  it("names effort durations the way riders say them", () => {
    expect([5, 60, 90, 1200, 3600, 5400].map(formatEffortDuration)).toEqual(["5 s", "1 min", "1 min 30 s", "20 min", "1 h", "1 h 30 min"]);
  });

  it("charts speeds as paces per km, mile or 500 m", () => {
    expect(curveValue("run", 1000 / 270, "metric")).toBe(270);
    expect(curveValue("run", 1609.344 / 435, "imperial")).toBe(435);
    expect(curveValue("row", 500 / 120, "metric")).toBe(120);
    expect(curveValue("ride", 301.6, "metric")).toBe(302);
  });

  it("joins the current and compared curves on their durations, keeping which ride set each point", () => {
    const p = (seconds: number, value: number, id: string) => ({ seconds, value, workoutId: id, day: "2026-01-01", title: id });
    const rows = curveRows("ride", "metric", [p(5, 800, "a"), p(60, 400, "b")], [p(5, 760, "x"), p(1200, 250, "y")]);
    expect(rows.map((r) => [r.seconds, r.current, r.compare, r.currentId])).toEqual([
      [5, 800, 760, "a"],
      [60, 400, null, "b"],
      [1200, null, 250, null],
    ]);
  });

  it("puts day ticks on Mondays for short ranges and on month starts for long ones", () => {
    const days = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10));
    expect(dayTicks(days)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    const year = Array.from({ length: 730 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    expect(dayTicks(year)).toEqual(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"]);
    expect(dayTickLabel("2026-03-01", true)).toBe("Mar ’26");
    expect(dayTickLabel("2026-03-09", false)).toBe("9 Mar");
  });
});

describe("FTP history rows", () => {
  it("one row per change, test results as points, each line carried to today", async () => {
    const { ftpHistoryRows } = await import("./analytics-chart");
    const rows = ftpHistoryRows(
      [
        { day: "2025-01-02", value: 182, source: "peloton" },
        { day: "2025-03-01", value: 195, source: "peloton" },
        { day: "2026-01-10", value: 265, source: "trainingpeaks" },
      ],
      [{ day: "2025-03-01", result: 195, workoutId: "t1" }],
      "2026-03-01",
    );
    expect(rows.map((r) => [r.day, r.peloton, r.trainingpeaks, r.test])).toEqual([
      ["2025-01-02", 182, null, null],
      ["2025-03-01", 195, null, 195],
      ["2026-01-10", null, 265, null],
      ["2026-03-01", 195, 265, null],
    ]);
  });
});
