import { describe, expect, it } from "vitest";
import { loadFixture } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import type { WorkoutSeries } from "@/lib/domain/series";
import { powerMetrics } from "@/lib/metrics/power";
import { decodeFit } from "./decode";
import { encodeFit } from "./encode";
import { pelotonSport, pelotonWorkoutToActivity, type PelotonActivityInput } from "./from-workout";
import { activityMetrics } from "@/lib/metrics/activity";

function input(series: WorkoutSeries | null, extra: Partial<PelotonActivityInput> = {}): PelotonActivityInput {
  return {
    title: "30 min Climb Ride",
    discipline: "cycling",
    startTime: new Date("2026-05-02T07:12:05Z"),
    durationSeconds: null,
    ftp: 250,
    series,
    segments: [],
    summary: null,
    ...extra,
  };
}

const series = (channels: WorkoutSeries["channels"], units: WorkoutSeries["units"] = {}, interval = 5, firstOffset = 1): WorkoutSeries => ({
  intervalSeconds: interval,
  firstOffset,
  length: Math.max(...Object.values(channels).map((v) => v.length)),
  channels,
  units,
});

const held = (values: (number | null)[], n: number) => values.flatMap((v) => Array.from({ length: n }, () => v));

function fromFixture(name: "row" | "tread-run" | "cycling-distance" | "outdoor-walk") {
  const t = transformWorkout(loadFixture(name));
  return pelotonWorkoutToActivity({
    title: t.workout.title,
    discipline: t.workout.discipline,
    startTime: t.workout.startTime,
    durationSeconds: t.workout.durationSeconds,
    ftp: t.summary.ftpUsed,
    series: t.series,
    segments: t.segments,
    summary: { distance: t.summary.distance, distanceUnit: t.summary.distanceUnit },
    isOutdoor: t.workout.isOutdoor,
  });
}

describe("pelotonWorkoutToActivity", () => {
  it("upsamples every_n = 5 to 1 Hz by holding each sample for its interval", () => {
    const a = pelotonWorkoutToActivity(input(series({ output: [100, 200, null, 300], cadence: [80, 85, null, 90], heart_rate: [120, 125, 130, 135] })));
    expect(a.length).toBe(20);
    expect(a.durationSeconds).toBe(20);
    expect(a.samples.power).toEqual(held([100, 200, null, 300], 5));
    expect(a.samples.cadence).toEqual(held([80, 85, null, 90], 5));
    expect(a.samples.heartRate).toEqual(held([120, 125, 130, 135], 5));
    expect([a.sport, a.subSport, a.ftp, a.title]).toEqual(["cycling", "indoorCycling", 250, "30 min Climb Ride"]);
  });

  it("keeps NP/TSS equal to lib/metrics/power.ts on the 5 s series (same hold rule)", () => {
    const output = Array.from({ length: 360 }, (_, i) => (i % 24 < 12 ? 150 : 280));
    const a = pelotonWorkoutToActivity(input(series({ output })));
    const m = activityMetrics(a, 250);
    const peloton = powerMetrics(output, { intervalSeconds: 5, ftp: 250 });
    expect(m.normalizedPower).toBe(peloton.normalizedPower);
    expect(m.tss).toBe(peloton.tss);
    expect(m.normalizedPower).toBeCloseTo(232.78, 2); // computed independently: 30 s rolling means of the held 1 Hz series
    expect(m.durationSeconds).toBe(1800);
  });

  it("leaves leading slots empty when samples start late, and cuts the last sample at the workout's end", () => {
    const late = pelotonWorkoutToActivity(input(series({ output: [100, 200] }, {}, 5, 16)));
    expect(late.samples.power).toEqual([...held([null], 11), ...held([100, 200], 5)]);
    const cut = pelotonWorkoutToActivity(input(series({ output: [100, 200, 300] }), { durationSeconds: 12 }));
    expect(cut.length).toBe(12);
    const kept = pelotonWorkoutToActivity(input(series({ output: [100, 200, 300] }), { durationSeconds: 1264 }));
    expect(kept.length).toBe(15);
  });

  it("converts mph and kph to m/s, integrates distance and scales it to the summary distance", () => {
    const mph = pelotonWorkoutToActivity(input(series({ speed: [10, 20] }, { speed: "mph" }, 1)));
    expect(mph.samples.speed?.[0]).toBeCloseTo(4.4704, 6);
    expect(mph.samples.speed?.[1]).toBeCloseTo(8.9408, 6);
    expect(mph.samples.distance?.[1]).toBeCloseTo(13.4112, 6);
    const kph = pelotonWorkoutToActivity(input(series({ speed: [36, 36, 36, 36] }, { speed: "kph" }), { summary: { distance: 0.25, distanceUnit: "km" } }));
    expect(kph.samples.speed?.[0]).toBeCloseTo(10, 9);
    // 20 s at 10 m/s integrates to 200 m; the summary says 250 m, so every point is scaled by 1.25
    expect(kph.samples.distance?.[0]).toBeCloseTo(12.5, 9);
    expect(kph.samples.distance?.at(-1)).toBeCloseTo(250, 9);
  });

  it("row fixture: rowing/indoorRowing, stroke rate as cadence, speed from split pace, metres, laps from segments", () => {
    const row = fromFixture("row");
    expect([row.sport, row.subSport]).toEqual(["rowing", "indoorRowing"]);
    expect(row.length).toBe(241 * 5);
    expect(row.samples.cadence?.slice(0, 6)).toEqual([19, 19, 19, 19, 19, 19]);
    // split pace 2.58 min/500 m (decimal minutes) = 500 m / 154.8 s
    expect(row.samples.speed?.[0]).toBeCloseTo(500 / 154.8, 6);
    expect(row.samples.distance?.at(-1)).toBeCloseTo(4316, 6);
    expect(row.laps).toEqual([
      { start: 0, end: 300, name: "Warm Up" },
      { start: 300, end: 1080, name: "Rowing" },
      { start: 1080, end: 1200, name: "Cool Down" },
      { start: 1200, end: 1205, name: null },
    ]);
    expect(row.ftp).toBeNull();
  });

  it("tread run fixture: treadmill, speed from the mph alternative, distance to the summary's 2.38 mi", () => {
    const run = fromFixture("tread-run");
    expect([run.sport, run.subSport]).toEqual(["running", "treadmill"]);
    expect(run.samples.speed?.some((v) => v !== null && v > 2)).toBe(true);
    expect(run.samples.distance?.at(-1)).toBeCloseTo(2.38 * 1609.344, 6);
  });

  it("outdoor walk fixture: GPS distance in miles → metres, altitude in feet → metres", () => {
    const walk = fromFixture("outdoor-walk");
    expect([walk.sport, walk.subSport]).toEqual(["walking", null]);
    expect(walk.samples.distance?.[0]).toBeCloseTo(0.001 * 1609.344, 6);
    expect(walk.samples.altitude?.[0]).toBeCloseTo(120 * 0.3048, 6);
  });

  it("survives the FIT round trip", () => {
    const ride = fromFixture("cycling-distance");
    const decoded = decodeFit(encodeFit(ride));
    expect(decoded.samples.power).toEqual(ride.samples.power);
    expect(decoded.laps).toEqual(ride.laps);
    expect(activityMetrics(decoded, ride.ftp).tss).toBeCloseTo(activityMetrics(ride, ride.ftp).tss ?? Number.NaN, 9);
  });

  it("maps disciplines to FIT sports", () => {
    expect(pelotonSport("bike_bootcamp")).toEqual({ sport: "cycling", subSport: "indoorCycling" });
    expect(pelotonSport("running", true)).toEqual({ sport: "running", subSport: "road" });
    expect(pelotonSport("walking")).toEqual({ sport: "walking", subSport: "indoorWalking" });
    expect(pelotonSport("strength")).toEqual({ sport: "training", subSport: null });
    expect(pelotonSport("yoga")).toEqual({ sport: "training", subSport: null });
  });

  it("a workout without samples is an empty timeline of its duration with one lap", () => {
    const a = pelotonWorkoutToActivity(input(null, { discipline: "meditation", durationSeconds: 600 }));
    expect(a).toMatchObject({ length: 600, samples: {}, laps: [{ start: 0, end: 600, name: null }], sport: "training" });
  });
});
