import { describe, expect, it } from "vitest";
import { loadFixture } from "../__fixtures__/load";
import { transformWorkout } from "./workout";

const transformFixture = (name: Parameters<typeof loadFixture>[0]) => transformWorkout(loadFixture(name));

describe("transformWorkout: other disciplines", () => {
  it("tread run: pace + its speed alternative, incline, pace-intensity/incline/speed targets with the pace table", () => {
    const t = transformFixture("tread-run");
    expect(t.workout.discipline).toBe("running");
    expect(t.workout.ftp).toBeNull();
    expect(Object.keys(t.series?.channels ?? {}).sort()).toEqual(["heart_rate", "incline", "output", "pace", "speed"]);
    expect(t.series?.units).toMatchObject({ pace: "min/mi", speed: "mph", incline: "%" });
    expect(t.summary.speed).toEqual({ avg: 7.2, max: 9.9 });
    expect(t.summary.speedUnit).toBe("mph");
    expect(t.summary.elevation).toBe(68);
    expect(t.summary.intensityFactor).toBeNull();
    expect(t.targets?.paceIntensity.slice(0, 2)).toEqual([
      { start: 0, end: 180, intensity: 0 },
      { start: 180, end: 300, intensity: 1 },
    ]);
    expect(t.targets?.incline[0]).toEqual({ start: 0, end: 300, lower: 1, upper: 1 });
    expect(t.targets?.speed[0]).toEqual({ start: 0, end: 180, lower: 3.2, upper: 5.7 });
    expect(t.targets?.paceIntensityLevels.map((l) => l.name)).toEqual(["Recovery", "Easy", "Moderate", "Challenging", "Hard", "Very Hard", "Max"]);
    expect(t.targets?.paceIntensityLevels[0]?.levels[0]).toEqual({ slug: "level_1", name: "Level 1", fastSeconds: 1091.4, slowSeconds: 1158.6 });
  });

  it("outdoor walk: free + outdoor title, pace/altitude/heart rate and GPS distance and track on the sample clock", () => {
    const t = transformFixture("outdoor-walk");
    expect(t.workout.title).toBe("Outdoor Walk");
    expect(t.workout.isOutdoor).toBe(true);
    expect(t.workout.pelotonRideId).toBeNull();
    expect(t.summary.totalOutputKj).toBeNull();
    expect(t.summary.distance).toBe(0.53);
    expect(Object.keys(t.series?.channels ?? {}).sort()).toEqual(["altitude", "distance", "heart_rate", "latitude", "longitude", "pace"]);
    expect([t.series?.channels.latitude?.[0], t.series?.channels.longitude?.[0]]).toEqual([40.671212, -73.970106]);
    expect(t.series?.units).toEqual({ pace: "min/mi", altitude: "ft", heart_rate: "bpm", distance: "mi" });
    const distance = t.series?.channels.distance ?? [];
    expect(distance[0]).toBe(0.001);
    // the GPS gap (241–284 s) holds the last fix's distance
    const at = (offset: number) => distance[(offset - 1) / 5];
    expect(at(246)).toBe(at(281));
    expect(t.series?.channels.latitude?.[(246 - 1) / 5]).toBe(t.series?.channels.latitude?.[(281 - 1) / 5]);
    expect(distance.every((d, i) => i === 0 || (d ?? 0) >= (distance[i - 1] ?? 0))).toBe(true);
  });

  it("row: stroke output, stroke rate, split pace; metres; stroke-rate and pace-intensity targets", () => {
    const t = transformFixture("row");
    expect(t.workout.discipline).toBe("caesar");
    expect(t.workout.title).toBe("20 min Endurance Row");
    expect(t.summary.distance).toBe(4316);
    expect(t.summary.distanceUnit).toBe("m");
    expect(t.summary.output).toEqual({ avg: 133.6, max: 223 });
    expect(t.summary.cadence.avg).toBeGreaterThan(15); // stroke rate, the rower's cadence
    expect(t.summary.speed).toEqual({ avg: null, max: null });
    expect(t.series?.units).toEqual({ output: "watts", stroke_rate: "spm", split_pace: "min/500m", heart_rate: "bpm" });
    expect(t.targets?.strokeRate?.[0]).toEqual({ start: 0, end: 180, lower: 18, upper: 20 });
    expect(t.targets?.paceIntensity[0]).toEqual({ start: 0, end: 180, intensity: -1 });
    expect(t.targets?.paceIntensityLevels.map((l) => l.value)).toEqual([-1, 0, 1, 2, 3]);
    expect(t.targets?.paceIntensityLevels[0]?.levels[0]).toEqual({ slug: "level_1", name: "Level 1", fastSeconds: 166.8, slowSeconds: 172.8 });
  });

  it("strength: heart rate only, calories only", () => {
    const t = transformFixture("strength");
    expect(Object.keys(t.series?.channels ?? {})).toEqual(["heart_rate"]);
    expect(t.summary.calories).toBe(118);
    expect(t.summary.totalOutputKj).toBeNull();
    expect(t.summary.heartRate).toEqual({ avg: 119.4, max: 135 });
    expect(t.summary.normalizedPower).toBeNull();
    expect(t.targets).toBeNull();
  });

  it("meditation: no metrics, so no series and empty totals", () => {
    const t = transformFixture("meditation");
    expect(t.series).toBeNull();
    expect(t.summary.calories).toBeNull();
    expect(t.summary.heartRate).toEqual({ avg: null, max: null });
    expect(t.workout.title).toBe("10 min Mindful Morning Meditation");
    expect(t.segments).toEqual([{ start: 0, end: 600, name: "Meditation", kind: "meditation" }]);
  });
});
