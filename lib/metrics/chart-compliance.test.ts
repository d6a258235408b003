import { describe, expect, it } from "vitest";
import { FIXTURE_NAMES, loadFixture } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import { timeInTarget } from "./chart-compliance";
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
