import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allScenarios } from "../__fixtures__/generate";
import { FIXTURE_NAMES, WORKOUT_FIXTURES, loadFixture } from "../__fixtures__/load";
import { performanceGraphSchema, workoutSchema, type PelotonWorkout } from "../api/workout-schemas";
import { toWorkoutRecord, transformWorkout, workoutFtp } from "./workout";

const transformFixture = (name: (typeof FIXTURE_NAMES)[number], extra: { fallbackFtp?: number; ftpOverride?: number } = {}) =>
  transformWorkout({ ...loadFixture(name), ...extra });
const workoutWith = (patch: Record<string, unknown>): PelotonWorkout =>
  workoutSchema.parse({ ...loadFixture("cycling-power-zone").workout, ...patch });

describe("fixtures", () => {
  it("are what __fixtures__/generate.ts writes (run it after changing a scenario)", () => {
    const scenarios = allScenarios();
    expect(scenarios.map((s) => s.name).sort()).toEqual([...FIXTURE_NAMES].sort());
    for (const s of scenarios) {
      expect(JSON.parse(readFileSync(path.join(WORKOUT_FIXTURES, `${s.name}.graph.json`), "utf8")), s.name).toEqual(s.graph);
      expect(JSON.parse(readFileSync(path.join(WORKOUT_FIXTURES, `${s.name}.workout.json`), "utf8")), s.name).toEqual(s.workout);
      if (s.ride) expect(JSON.parse(readFileSync(path.join(WORKOUT_FIXTURES, `${s.name}.ride.json`), "utf8")), s.name).toEqual(s.ride);
    }
    expect(readdirSync(WORKOUT_FIXTURES).length).toBe(scenarios.length * 2 + scenarios.filter((s) => s.ride).length + 2);
  });

  it.each(FIXTURE_NAMES)("%s transforms with a consistent series", (name) => {
    const { workout, summary, series } = transformFixture(name);
    expect(workout.pelotonWorkoutId).toMatch(/^[0-9a-f]{32}$/);
    expect(workout.startTime.getTime()).toBeGreaterThan(Date.UTC(2025, 0, 1));
    if (!series) return;
    const offsets = loadFixture(name).graph.seconds_since_pedaling_start ?? [];
    expect(series.length).toBe(offsets.length);
    expect(series.firstOffset).toBe(1);
    for (const values of Object.values(series.channels)) expect(values).toHaveLength(series.length);
    expect(summary.output.max ?? 0).toBeGreaterThanOrEqual(summary.output.avg ?? 0);
  });
});

describe("transformWorkout: cycling", () => {
  it("Power Zone class: record, totals, avg/max, NP/IF/TSS against ftp_info, 1 s series", () => {
    const t = transformFixture("cycling-power-zone");
    expect(t.workout).toEqual({
      pelotonWorkoutId: "874e60e08e481e6ee0a57440548096ec",
      pelotonRideId: "1595674b175b918f5bc0ccb21a4d5dc7",
      status: "COMPLETE",
      discipline: "cycling",
      title: "30 min Power Zone Ride",
      instructorId: "74d41bd3dc0750cc67ce9e58d31ed322",
      startTime: new Date("2025-06-02T10:00:00.000Z"),
      endTime: new Date("2025-06-02T10:31:03.000Z"),
      timezone: "America/New_York",
      durationSeconds: 1863,
      ftp: 200,
      ftpSource: "ftp_workout_source",
      leaderboardRank: 4821,
      leaderboardTotal: 12877,
      isOutdoor: false,
      deviceType: "home_bike_plus",
      workoutType: "class",
    });
    expect(t.summary).toEqual({
      totalOutputKj: 287,
      distance: 8.34,
      distanceUnit: "mi",
      calories: 350,
      elevation: null,
      // AutoCoach's figures from the samples (lib/metrics/activity.ts); Peloton's own, rounded, are kept beside them
      output: { avg: 159.2, max: 241 },
      cadence: { avg: 87.2, max: 98 },
      resistance: { avg: 42, max: 51 },
      speed: { avg: 16.7, max: 20 },
      speedUnit: "mph",
      heartRate: { avg: 140.2, max: 167 },
      peloton: { output: { avg: 159, max: 241 }, cadence: { avg: 87, max: 98 }, heartRate: { avg: 140, max: 167 } },
      normalizedPower: 170.6,
      intensityFactor: 0.853,
      tss: 36.4,
      ftpUsed: 200,
    });
    expect(t.series?.intervalSeconds).toBe(1);
    expect(t.series?.units).toEqual({ output: "watts", cadence: "rpm", resistance: "%", speed: "mph", heart_rate: "bpm" });
    expect(t.segments.map((s) => [s.name, s.kind, s.start, s.end])).toEqual([
      ["Warm Up", "warmup", 0, 300],
      ["Power Zone", "cycling", 300, 1500],
      ["Cool Down", "cooldown", 1500, 1800],
    ]);
  });

  it("Power Zone class: zone targets on the sample timeline (video 60..119 → 0..60), with the ride's expected output", () => {
    const targets = transformFixture("cycling-power-zone").targets;
    expect(targets?.powerZones.slice(0, 3)).toEqual([
      { start: 0, end: 60, zoneLower: 1, zoneUpper: 1 },
      { start: 60, end: 180, zoneLower: 2, zoneUpper: 2 },
      { start: 180, end: 240, zoneLower: 3, zoneUpper: 3 },
    ]);
    expect(targets?.powerZones.find((z) => z.zoneLower !== z.zoneUpper)).toEqual({ start: 1200, end: 1500, zoneLower: 3, zoneUpper: 4 });
    expect(targets?.powerZones.at(-1)).toEqual({ start: 1620, end: 1800, zoneLower: 1, zoneUpper: 1 });
    expect(targets?.expectedOutputKj).toEqual({ lower: 226, upper: 290 });
    expect(targets?.cadence).toEqual([]);
  });

  it("cue-based class: 5 s samples, metric units, manual FTP at 95 %, cadence/resistance ranges from the older graph form", () => {
    const t = transformFixture("cycling-cues");
    expect(t.workout.title).toBe("20 min Climb Ride");
    expect(t.workout.timezone).toBe("Europe/Berlin");
    expect(t.workout.ftp).toBe(171);
    expect(t.workout.ftpSource).toBe("ftp_manual_source");
    expect(t.summary.distanceUnit).toBe("km");
    expect(t.summary.speedUnit).toBe("kph");
    expect(t.summary.ftpUsed).toBe(171);
    expect(t.series?.intervalSeconds).toBe(5);
    expect(t.series?.length).toBe(241);
    expect(t.targets?.powerZones).toEqual([]);
    // cues 60..119 and 120..179 share 80–90 rpm and merge; the last sample's step is cut at the 1200 s duration
    expect(t.targets?.cadence[0]).toEqual({ start: 0, end: 120, lower: 80, upper: 90 });
    expect(t.targets?.cadence.at(-1)).toEqual({ start: 1140, end: 1200, lower: 70, upper: 80 });
    expect(t.targets?.resistance[0]).toEqual({ start: 0, end: 60, lower: 25, upper: 35 });
  });

  it("Just Ride: no class id, instructor or targets; Peloton's title; no FTP so no IF/TSS but NP", () => {
    const t = transformFixture("just-ride");
    expect(t.workout.pelotonRideId).toBeNull();
    expect(t.workout.instructorId).toBeNull();
    expect(t.workout.title).toBe("21 min Just Ride");
    expect(t.workout.workoutType).toBe("freestyle");
    expect(t.workout.ftp).toBeNull();
    expect(t.workout.leaderboardRank).toBeNull();
    expect(t.workout.leaderboardTotal).toBeNull();
    expect(t.summary.normalizedPower).toBe(158.9);
    expect(t.summary.intensityFactor).toBeNull();
    expect(t.summary.tss).toBeNull();
    expect(t.targets).toBeNull();
    expect(t.segments).toEqual([]);
  });

  it("Just Ride: a fallback FTP (the member's current one) gives IF/TSS; an override wins over ftp_info", () => {
    const withFallback = transformFixture("just-ride", { fallbackFtp: 200 });
    expect(withFallback.summary.ftpUsed).toBe(200);
    expect(withFallback.summary.intensityFactor).toBe(0.794);
    expect(withFallback.workout.ftp).toBeNull();
    const pz = transformFixture("cycling-power-zone", { fallbackFtp: 300 });
    expect(pz.summary.ftpUsed).toBe(200);
    expect(transformFixture("cycling-power-zone", { ftpOverride: 250 }).summary.ftpUsed).toBe(250);
  });

  it("Just Ride without any title falls back to the discipline's free-mode name", () => {
    const { workout, graph } = loadFixture("just-ride");
    const untitled = workoutSchema.parse({ ...workout, title: null, ride: { ...workout.ride, title: "" } });
    expect(transformWorkout({ workout: untitled, graph }).workout.title).toBe("Just Ride");
    const run = workoutSchema.parse({ ...untitled, fitness_discipline: "running" });
    expect(toWorkoutRecord(run).title).toBe("Just Run");
    const row = workoutSchema.parse({ ...untitled, fitness_discipline: "caesar" });
    expect(toWorkoutRecord(row).title).toBe("Just Row");
  });

  it("distance ride: the member's time to cover 5 km, Peloton's distance, km/kph", () => {
    const t = transformFixture("cycling-distance");
    expect(t.workout.title).toBe("5 km Coastal Cliffs Scenic Ride");
    expect(t.workout.durationSeconds).toBe(650);
    expect(t.workout.instructorId).toBeNull();
    expect(t.summary.distance).toBe(5.01);
    expect(t.summary.distanceUnit).toBe("km");
    expect(t.targets).toBeNull();
  });

  it("nulls inside the series stay null (85 s heart-rate dropout, 12 s bike blip); the blip is 0 W in NP", () => {
    const t = transformFixture("cycling-nulls");
    const hr = t.series?.channels.heart_rate ?? [];
    const output = t.series?.channels.output ?? [];
    expect(hr.filter((v) => v === null)).toHaveLength(85);
    expect(hr.slice(205, 290).every((v) => v === null)).toBe(true);
    expect(hr[204]).not.toBeNull();
    expect(output.slice(400, 412)).toEqual(Array.from({ length: 12 }, () => null));
    expect(t.series?.channels.speed?.[400]).toBeNull();
    expect(t.summary.heartRate).toEqual({ avg: 136.8, max: 159 });
    // the 12 s without output count as 0 W (as Peloton's total output does): 185.6 W when they were left out
    expect(t.summary.normalizedPower).toBe(183.9);
    expect(t.summary.tss).toBe(12.8);
  });

  it("in progress: no end time, duration from the samples so far, the whole class plan as targets", () => {
    const t = transformFixture("cycling-in-progress");
    expect(t.workout.status).toBe("IN_PROGRESS");
    expect(t.workout.endTime).toBeNull();
    expect(t.workout.durationSeconds).toBe(720);
    expect(t.series?.length).toBe(145);
    expect(t.targets?.powerZones.at(-1)).toEqual({ start: 2340, end: 2700, zoneLower: 1, zoneUpper: 1 });
    expect(t.targets?.expectedOutputKj).toBeNull();
  });
});

describe("transformWorkout: odd input", () => {
  it("works without a performance graph (summary from total_work, no series)", () => {
    const t = transformWorkout({ workout: loadFixture("cycling-power-zone").workout, graph: null });
    expect(t.series).toBeNull();
    expect(t.summary.totalOutputKj).toBe(286.6);
    expect(t.summary.output).toEqual({ avg: null, max: null });
    expect(t.targets).toBeNull();
  });

  it("pads short value arrays with null, cuts long ones, and turns junk elements into null", () => {
    const graph = performanceGraphSchema.parse({
      seconds_since_pedaling_start: [1, 2, 3, 4],
      metrics: [
        { slug: "output", display_unit: "watts", values: [100, "oops", 102] },
        { slug: "cadence", display_unit: "rpm", values: [80, 81, 82, 83, 84, 85] },
        { slug: "mystery", values: [1, 2, 3, 4] },
      ],
    });
    const t = transformWorkout({ workout: loadFixture("cycling-power-zone").workout, graph });
    expect(t.series?.channels).toEqual({ output: [100, null, 102, null], cadence: [80, 81, 82, 83] });
    // the two seconds without a reading count as 0 W (lib/metrics/power.ts)
    expect(t.summary.output).toEqual({ avg: 50.5, max: 102 });
  });

  it("falls back to created_at for the start and refuses a workout with no time at all", () => {
    expect(toWorkoutRecord(workoutWith({ start_time: null })).startTime).toEqual(new Date("2025-06-02T09:59:13.000Z"));
    expect(() => toWorkoutRecord(workoutWith({ start_time: null, created_at: null, device_time_created_at: null }))).toThrow(/has no start_time or created_at/);
  });

  it("reads ftp_info: 0 is none, a manual FTP is 95 % of Peloton's 20-minute figure", () => {
    expect(workoutFtp(workoutWith({ ftp_info: { ftp: 0, ftp_source: null } }))).toBeNull();
    expect(workoutFtp(workoutWith({ ftp_info: null }))).toBeNull();
    expect(workoutFtp(workoutWith({ ftp_info: { ftp: 200, ftp_source: "ftp_manual_source" } }))).toBe(190);
    expect(workoutFtp(workoutWith({ ftp_info: { ftp: 200, ftp_source: "ftp_estimated_source" } }))).toBe(200);
  });

  it("uses the ride details' title and instructor when the workout carries no ride join", () => {
    const { workout, ride } = loadFixture("cycling-power-zone");
    const bare = workoutSchema.parse({ ...workout, ride: { id: workout.ride?.id } });
    const record = toWorkoutRecord(bare, { ride });
    expect(record.title).toBe("30 min Power Zone Ride");
    expect(record.instructorId).toBe("74d41bd3dc0750cc67ce9e58d31ed322");
    expect(toWorkoutRecord(bare).title).toBe("Cycling Workout");
  });
});
