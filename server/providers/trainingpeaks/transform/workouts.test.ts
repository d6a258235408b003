import { describe, expect, it } from "vitest";
import { tpWorkoutListSchema } from "../api/schemas";
import { toActivity } from "./workouts";

/** Workout objects shaped as docs/trainingpeaks-api.md §5.3 describes them (a completed premium ride, a planned run, a basic athlete's ride). */
const RECORDED = [
  {
    Id: 3518400833, AthleteId: 4100123, WorkoutDay: "2026-05-02T00:00:00", StartTime: "2026-05-02T07:12:05", StartTimePlanned: "2026-05-02T07:00:00",
    Title: "Endurance ride", WorkoutType: "Bike", Completed: true, TotalTime: 2.03, Distance: 61234.5, TssActual: 118.4, IF: 0.74,
    PowerAverage: 182, PowerMaximum: 512, NormalizedPower: 197.0, HeartRateAverage: 138, CadenceAverage: 88, Calories: 1320,
    Url: "https://app.trainingpeaks.com/workout/3518400833", LastModifiedDate: "2026-05-02T10:01:44.1234567Z",
  },
  {
    Id: 3518400901, AthleteId: 4100123, WorkoutDay: "2026-05-04T00:00:00", StartTimePlanned: "2026-05-04T06:00:00", WorkoutType: "Run",
    Title: "Tempo", TotalTimePlanned: 0.75, DistancePlanned: 10000.0, TssPlanned: 55.0, Completed: false, WorkoutFileFormats: ["fit", "zwo", "json"],
  },
  {
    Id: 3518400999, AthleteId: 4100124, WorkoutDay: "2026-05-02T00:00:00", StartTime: "2026-05-02T18:30:00", Title: "Spin", WorkoutType: "Bike",
    Completed: true, TotalTime: 0.75, Distance: 20100, TssActual: null, IF: null, PowerAverage: null, PowerMaximum: null, NormalizedPower: null,
    HeartRateAverage: null, CadenceAverage: null, Url: "javascript:alert(1)",
  },
];

describe("toActivity", () => {
  const [ride, planned, basic] = tpWorkoutListSchema.parse(RECORDED).map(toActivity);

  it("maps a completed ride, including max power, cadence, the link and the actual local start", () => {
    expect(ride).toEqual({
      id: "3518400833",
      day: "2026-05-02",
      startTime: "2026-05-02T07:12:05",
      startTimeLocal: "2026-05-02T07:12:05",
      title: "Endurance ride",
      type: "Bike",
      completed: true,
      durationSeconds: 7308,
      plannedDurationSeconds: null,
      distanceMeters: 61234.5,
      tss: 118.4,
      intensityFactor: 0.74,
      avgPower: 182,
      maxPower: 512,
      normalizedPower: 197,
      avgHeartRate: 138,
      avgCadence: 88,
      calories: 1320,
      url: "https://app.trainingpeaks.com/workout/3518400833",
    });
  });

  it("lists a planned workout at its planned start but gives it no actual start", () => {
    expect(planned).toMatchObject({ startTime: "2026-05-04T06:00:00", startTimeLocal: null, completed: false, durationSeconds: null, plannedDurationSeconds: 2700, url: null });
  });

  it("keeps a basic athlete's nulls and drops a link that is not http(s)", () => {
    expect(basic).toMatchObject({ durationSeconds: 2700, distanceMeters: 20100, maxPower: null, avgCadence: null, normalizedPower: null, tss: null, url: null });
  });
});
