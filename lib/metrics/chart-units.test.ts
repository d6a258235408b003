import { describe, expect, it } from "vitest";
import type { ClassTargets } from "@/lib/domain/targets";
import type { WorkoutSeries } from "@/lib/domain/series";
import { chartInputInUnits, channelFactor, seriesInUnits } from "./chart-units";
import { buildWorkoutChart } from "./workout-chart";

const MILE_IN_KM = 1.609344;
const heartRate = { maxHr: null, lthr: null };

// A tread run recorded by a member who uses miles: 6 mph = 10:00 /mi, 500 ft of elevation at the end.
const tread: WorkoutSeries = {
  intervalSeconds: 1,
  firstOffset: 1,
  length: 600,
  channels: { speed: Array.from({ length: 600 }, () => 6), pace: Array.from({ length: 600 }, () => 10), altitude: Array.from({ length: 600 }, (_, i) => (i < 300 ? 0 : 500)), distance: Array.from({ length: 600 }, (_, i) => i / 360) },
  units: { speed: "mph", pace: "min/mi", altitude: "ft", distance: "mi" },
};

// Level N runs "Easy" at 11:30 − N/2 min … 12:00 − N/2 min per mile: the run above (10:00 /mi) is level 4 (9:30–10:00).
const levels = [
  { value: 1, name: "Easy", levels: Array.from({ length: 10 }, (_, i) => ({ slug: `level_${i + 1}`, name: `Level ${i + 1}`, fastSeconds: (11.5 - (i + 1) / 2) * 60, slowSeconds: (12 - (i + 1) / 2) * 60 })) },
];
const targets: ClassTargets = { powerZones: [], cadence: [], resistance: [], speed: [], incline: [], paceIntensity: [{ start: 0, end: 600, intensity: 1 }], paceIntensityLevels: levels, expectedOutputKj: null };

describe("workout samples in the user's unit system", () => {
  it("converts speed, pace, elevation and distance from Peloton's imperial units to metric", () => {
    const metric = seriesInUnits(tread, "metric");
    expect(metric.units).toEqual({ speed: "km/h", pace: "min/km", altitude: "m", distance: "km" });
    expect(metric.channels.speed?.[0]).toBeCloseTo(6 * MILE_IN_KM, 9);
    expect(metric.channels.pace?.[0]).toBeCloseTo(10 / MILE_IN_KM, 9);
    expect(metric.channels.altitude?.[599]).toBeCloseTo(152.4, 9);
    expect(metric.channels.distance?.[360]).toBeCloseTo(MILE_IN_KM, 9);
    // the stored series is untouched
    expect(tread.channels.speed?.[0]).toBe(6);
  });

  it("leaves a series already in the user's units as it is, and relabels Peloton's kph", () => {
    expect(seriesInUnits(tread, "imperial").channels).toEqual(tread.channels);
    const kph = seriesInUnits({ ...tread, channels: { speed: [10] }, units: { speed: "kph" } }, "metric");
    expect(kph.channels.speed).toEqual([10]);
    expect(kph.units.speed).toBe("km/h");
  });

  it("keeps a row's metres and 500 m splits, and units it does not know", () => {
    const row = seriesInUnits({ ...tread, channels: { distance: [0, 250], split_pace: [2, 2.1] }, units: { distance: "m", split_pace: "min/500m" } }, "imperial");
    expect(row.channels.distance).toEqual([0, 250]);
    expect(row.units).toEqual({ distance: "m", split_pace: "min/500m" });
    expect(channelFactor("speed", "furlongs/fortnight", "mph")).toBeNull();
  });

  it("draws the charts in km/h and min/km for a metric user, with the class's pace targets still in range", () => {
    const input = { discipline: "running", series: tread, targets, segments: [], ftp: null, paceLevel: 4, heartRate };
    const imperial = buildWorkoutChart(input);
    const metric = buildWorkoutChart(chartInputInUnits(input, "metric"));
    const pace = metric.panels.find((p) => p.id === "pace");
    expect(pace?.unit).toBe("min/km");
    // level 4 Easy: 9:30–10:00 /mi = 5:54–6:13 /km
    expect(pace?.bands[0]?.label).toBe("Easy 5:54–6:13 /km");
    expect(metric.channels.find((c) => c.key === "altitude")?.unit).toBe("m");
    expect(metric.compliance.find((c) => c.metric === "pace")?.inSeconds).toBe(imperial.compliance.find((c) => c.metric === "pace")?.inSeconds);
    expect(metric.compliance.find((c) => c.metric === "pace")?.inSeconds).toBe(600);
  });

  it("converts the pace table of a speed-only workout by the speed channel's distance", () => {
    const speedOnly = { ...tread, channels: { speed: tread.channels.speed ?? [] }, units: { speed: "mph" } };
    const converted = chartInputInUnits({ series: speedOnly, targets }, "metric");
    const row = converted.targets?.paceIntensityLevels[0]?.levels[3];
    expect(row?.fastSeconds).toBeCloseTo((9.5 * 60) / MILE_IN_KM, 9);
    expect(targets.paceIntensityLevels[0]?.levels[3]?.fastSeconds).toBe(9.5 * 60);
  });
});
