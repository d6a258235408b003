import { describe, expect, it } from "vitest";
import { toPlannedWorkout } from "./planned";

const base = { Id: 3500001, WorkoutDay: "2026-03-02T00:00:00", WorkoutType: "Bike", Title: "Sweet spot 3×12", Url: "https://app.example/workout/1" };

describe("planned workouts", () => {
  it("keeps the plan: time, TSS and distance", () => {
    expect(toPlannedWorkout({ ...base, TotalTimePlanned: 1.25, TssPlanned: 78.5, DistancePlanned: null })).toEqual({
      id: "3500001",
      day: "2026-03-02",
      title: "Sweet spot 3×12",
      type: "Bike",
      plannedSeconds: 4500,
      plannedTss: 78.5,
      plannedDistanceMeters: null,
      url: "https://app.example/workout/1",
    });
  });

  it("a workout without a plan is not a planned workout; a javascript: link is dropped", () => {
    expect(toPlannedWorkout({ ...base, TotalTimePlanned: null, TssPlanned: 0 })).toBeNull();
    expect(toPlannedWorkout({ ...base, TssPlanned: 40, Url: "javascript:alert(1)" })?.url).toBeNull();
  });
});
