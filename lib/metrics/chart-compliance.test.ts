import { describe, expect, it } from "vitest";
import { FIXTURE_NAMES, loadFixture } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import { fullChannels, timeInTarget } from "./chart-compliance";
import { buildWorkoutChart } from "./workout-chart";

describe("timeInTarget", () => {
  const rides = FIXTURE_NAMES.map((name) => [name, transformWorkout(loadFixture(name))] as const);

  it.each(rides)("%s: the same time in target as the chart shows, without building the chart", (_, t) => {
    for (const ftp of [t.workout.ftp, 150, null]) {
      for (const paceLevel of [undefined, 3, 8]) {
        const input = { discipline: t.workout.discipline, series: t.series, targets: t.targets ?? null, segments: t.segments, ftp, paceLevel };
        expect(timeInTarget(input)).toEqual(buildWorkoutChart({ ...input, heartRate: { maxHr: 190, lthr: null }, maxPoints: 50 }).compliance);
      }
    }
  });

  it("measures every targeted metric of a class with targets, and nothing without samples", () => {
    const [, pz] = rides.find(([name]) => name === "cycling-power-zone") ?? [];
    if (!pz) throw new Error("fixture missing");
    const measured = timeInTarget({ series: pz.series, targets: pz.targets ?? null, segments: pz.segments, ftp: 250 });
    expect(measured.map((m) => m.metric)).toContain("power");
    expect(measured.every((m) => m.inSeconds <= m.dataSeconds && m.dataSeconds <= m.targetSeconds)).toBe(true);
    expect(timeInTarget({ series: null, targets: pz.targets ?? null, segments: pz.segments, ftp: 250 })).toEqual([]);
  });
});

describe("fullChannels", () => {
  it("reads coasting as zero watts, heart-rate dropouts and missing samples as gaps, and leaves the series as it was", () => {
    const output = [100, 0, 200, 150, 50];
    const heartRate = [120, 0, 130, null, 140];
    const cadence = [80, 82, 84];
    const series = { intervalSeconds: 1, firstOffset: 1, length: 5, channels: { output, heart_rate: heartRate, cadence, resistance: [0, 0, 0, 0, 0].map(() => null) }, units: {} };
    const channels = new Map(fullChannels(series).map((c) => [c.key, c]));
    expect([...channels.keys()]).toEqual(["output", "cadence", "heart_rate"]);
    expect(channels.get("output")?.readings).toEqual([100, 0, 200, 150, 50]);
    expect(channels.get("output")?.stats).toMatchObject({ avg: 100, min: 0, max: 200, dataSeconds: 5, missingSeconds: 0 });
    expect(channels.get("heart_rate")?.readings).toEqual([120, null, 130, null, 140]);
    expect(channels.get("heart_rate")?.stats).toMatchObject({ avg: 130, dataSeconds: 3, missingSeconds: 2 });
    expect(channels.get("cadence")?.readings).toEqual([80, 82, 84, null, null]);
    expect(heartRate).toEqual([120, 0, 130, null, 140]);
    expect(cadence).toEqual([80, 82, 84]);
  });
});
