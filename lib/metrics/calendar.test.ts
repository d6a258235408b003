import { describe, expect, it } from "vitest";
import { EMPTY_TOTALS, type CalendarWorkout, type PlannedWorkout } from "@/lib/domain/calendar";
import { buildCalendar, calendarRange, isDay, matchPlans, mondayOf } from "./calendar";

const w = (id: string, day: string, over: Partial<CalendarWorkout> = {}): CalendarWorkout => ({
  id,
  title: id,
  discipline: "cycling",
  day,
  startTime: `${day}T12:00:00Z`,
  durationSeconds: 1800,
  distanceMeters: 15000,
  workKj: 300,
  score: 40,
  scoreMethod: "power",
  ...over,
});

describe("calendar", () => {
  it("a month view spans whole Monday-to-Sunday weeks around the month", () => {
    expect(calendarRange("month", "2026-02-17")).toEqual({ anchor: "2026-02-01", from: "2026-01-26", to: "2026-03-01", prev: "2026-01-01", next: "2026-03-01" });
    expect(calendarRange("week", "2026-03-05")).toEqual({ anchor: "2026-03-02", from: "2026-03-02", to: "2026-03-08", prev: "2026-02-23", next: "2026-03-09" });
    expect(mondayOf("2026-03-01")).toBe("2026-02-23");
  });

  it("puts workouts on their days and sums each week and the month (days outside the month count for their week only)", () => {
    const view = buildCalendar({
      mode: "month",
      day: "2026-02-10",
      today: "2026-02-20",
      workouts: [w("a", "2026-01-27"), w("b", "2026-02-02"), w("c", "2026-02-02", { discipline: "strength", distanceMeters: null, workKj: null, score: 20 }), w("d", "2026-03-02")],
      yearTotals: EMPTY_TOTALS,
    });
    expect(view.weeks).toHaveLength(5);
    expect(view.weeks[0]?.days[1]).toMatchObject({ day: "2026-01-27", inRange: false });
    expect(view.weeks[0]?.totals).toEqual({ seconds: 1800, distanceMeters: 15000, workKj: 300, score: 40, workouts: 1 });
    expect(view.weeks[1]?.days[0]?.workouts.map((x) => x.id)).toEqual(["b", "c"]);
    expect(view.monthTotals).toEqual({ seconds: 3600, distanceMeters: 15000, workKj: 300, score: 60, workouts: 2 });
  });

  it("matches each TrainingPeaks plan to the same-day workout of its sport closest in duration", () => {
    const plan = (id: string, day: string, type: string, minutes: number): PlannedWorkout => ({ id, day, title: id, type, plannedSeconds: minutes * 60, plannedTss: 50, plannedDistanceMeters: null, url: null });
    const workouts = [w("ride20", "2026-02-02", { durationSeconds: 1200 }), w("ride45", "2026-02-02", { durationSeconds: 2700 }), w("run", "2026-02-02", { discipline: "running" })];
    const pairs = matchPlans([plan("bike45", "2026-02-02", "Bike", 45), plan("bike20", "2026-02-02", "Bike", 20), plan("swim", "2026-02-02", "Swim", 30), plan("run", "2026-02-03", "Run", 30)], workouts);
    expect(Object.fromEntries(pairs)).toEqual({ bike20: "ride20", bike45: "ride45" });
  });

  it("knows a real day from a malformed one", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
  });
});
