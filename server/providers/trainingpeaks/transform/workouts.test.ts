import { describe, expect, it } from "vitest";
import { tpWorkoutListSchema } from "../api/schemas";
import { toActivity } from "./workouts";
import { matchActivity } from "@/lib/compare/match";
import { SAME_SESSION_TOLERANCE_SECONDS } from "@/server/push/find-existing";
import { tpActivity } from "@/lib/compare/__fixtures__/activities";

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
  const [ride, planned, basic] = tpWorkoutListSchema.parse(RECORDED).workouts.map(toActivity);

  it("maps a completed ride, including max power, cadence, the link and the actual local start", () => {
    // the same activity the compare tests start from
    expect(ride).toEqual(tpActivity());
  });

  it("lists a planned workout at its planned start but gives it no actual start", () => {
    expect(planned).toMatchObject({ startTime: "2026-05-04T06:00:00", startTimeLocal: null, completed: false, durationSeconds: null, plannedDurationSeconds: 2700, url: null });
  });

  it("keeps a basic athlete's nulls and drops a link that is not http(s)", () => {
    expect(basic).toMatchObject({ durationSeconds: 2700, distanceMeters: 20100, maxPower: null, avgCadence: null, normalizedPower: null, tss: null, url: null });
  });
});

describe("case 8: a TrainingPeaks list is read item by item", () => {
  const AWKWARD = [
    // no WorkoutDay (real responses omit it): the day comes from the start
    { Id: 3518401001, StartTime: "2026-05-03T06:40:00", Title: "Recovery spin", WorkoutType: "Bike", Completed: true, TotalTime: 0.5 },
    // the write spelling of planned TSS, nulls everywhere else
    { Id: 3518401002, WorkoutDay: "2026-05-05T00:00:00", StartTimePlanned: "2026-05-05T06:00:00", Title: null, WorkoutType: "Run", TSSPlanned: 42.5, TotalTimePlanned: 0.5, Completed: null, Distance: null },
    // a number sent as text is no reading, not a reason to drop the workout
    { Id: 3518401003, WorkoutDay: "2026-05-03T00:00:00", StartTime: "2026-05-03T17:00:00", Title: "Long run", WorkoutType: "Run", Completed: true, TotalTime: 1.5, Distance: "15000" },
    // unreadable: no id, and no day at all
    { WorkoutDay: "2026-05-03T00:00:00", Title: "Ghost" },
    { Id: 3518401005, Title: "Nowhere" },
    "not a workout",
  ];

  it("keeps every readable workout and counts the rest (before: the whole list failed)", () => {
    const { workouts, unreadable } = tpWorkoutListSchema.parse([...RECORDED, ...AWKWARD]);
    expect(unreadable).toBe(3);
    const activities = workouts.map(toActivity);
    expect(activities.map((a) => a.id)).toEqual(["3518400833", "3518400901", "3518400999", "3518401001", "3518401002", "3518401003"]);
    expect(activities[3]).toMatchObject({ day: "2026-05-03", startTimeLocal: "2026-05-03T06:40:00", durationSeconds: 1800 });
    expect(activities[4]).toMatchObject({ day: "2026-05-05", title: "Run", completed: false, plannedDurationSeconds: 1800 });
    expect(workouts[4]?.TssPlanned).toBe(42.5);
    expect(activities[5]).toMatchObject({ distanceMeters: null, durationSeconds: 5400 });
  });

  it("still refuses a body that is not a list at all", () => {
    expect(tpWorkoutListSchema.safeParse({ Id: 1 }).success).toBe(false);
  });
});

describe("case 9: a TrainingPeaks activity with a recorded file is done, whatever Completed says", () => {
  // uploaded from a head unit; TrainingPeaks left Completed false (it only completes planned workouts it matched)
  const uploaded = {
    Id: 3518402001, AthleteId: 4100123, WorkoutDay: "2026-05-02T00:00:00", StartTime: "2026-05-02T07:12:05", Title: "Morning ride",
    WorkoutType: "Bike", Completed: false, TotalTime: 2.03, Distance: 61234.5, PowerAverage: 182, NormalizedPower: 197,
  };
  const basicUpload = { Id: 3518402002, WorkoutDay: "2026-05-02T00:00:00", StartTime: "2026-05-02T07:12:05", WorkoutType: "Bike", Completed: false, TotalTime: 2.03 };
  const plan = { Id: 3518402003, WorkoutDay: "2026-05-02T00:00:00", StartTimePlanned: "2026-05-02T07:00:00", WorkoutType: "Bike", Completed: false, TotalTimePlanned: 2 };
  const read = (raw: unknown[]) => tpWorkoutListSchema.parse(raw).workouts.map(toActivity);

  it("counts as done when it has recorded figures (premium) or a recorded time (basic), not when only planned", () => {
    expect(read([uploaded, basicUpload, plan]).map((a) => a.completed)).toEqual([true, true, false]);
  });

  it("is found by the comparison and by the duplicate check before an upload (before: no match)", () => {
    const ours = { startTime: new Date("2026-05-02T13:12:05Z"), sport: "cycling" as const };
    expect(matchActivity(ours, read([uploaded]), "America/Denver")?.activity.id).toBe("3518402001");
    expect(matchActivity(ours, read([basicUpload]), "America/Denver", SAME_SESSION_TOLERANCE_SECONDS)?.activity.id).toBe("3518402002");
  });
});
