import { describe, expect, it } from "vitest";
import { bandAt, pointTime, toChartRows } from "./chart-rows";
import { describePanel } from "./chart-summary";
import type { ChartChannel, TargetBand } from "./workout-chart-types";

const channel = (key: ChartChannel["key"], values: (number | null)[]): ChartChannel => ({
  key,
  label: key,
  unit: "",
  decimals: 0,
  pace: false,
  values,
  stats: { avg: null, min: null, max: null, dataSeconds: 0, missingSeconds: 0 },
});

describe("chart rows", () => {
  it("uses offsets when downsampled, start + i·step otherwise", () => {
    const time = { start: 0, step: 5, count: 3, offsets: null, end: 15, bucket: 1, ticks: [0] };
    expect(toChartRows({ time, channels: [channel("output", [100, null, 120])] })).toEqual([
      { t: 0, output: 100 },
      { t: 5, output: null },
      { t: 10, output: 120 },
    ]);
    expect(pointTime({ ...time, offsets: [0, 2, 5] }, 1)).toBe(2);
  });

  it("bandAt finds the band in force (end exclusive)", () => {
    const band = (start: number, end: number): TargetBand => ({
      start,
      end,
      lower: 0,
      upper: 1,
      label: `${start}`,
      zone: null,
      openUpper: false,
      avg: null,
      dataSeconds: 0,
      inSeconds: 0,
    });
    const bands = [band(0, 60), band(60, 120)];
    expect(bandAt(bands, 59)?.label).toBe("0");
    expect(bandAt(bands, 60)?.label).toBe("60");
    expect(bandAt(bands, 120)).toBeNull();
  });
});

describe("chart summaries", () => {
  it("say average, peak, time in range and the busiest zone", () => {
    const text = describePanel({
      title: "Output",
      format: { unit: "W", decimals: 0, pace: false },
      stats: { avg: 152.4, min: 0, max: 402, dataSeconds: 1790, missingSeconds: 10 },
      compliance: { targetSeconds: 1800, dataSeconds: 1790, inSeconds: 1400, underSeconds: 300, overSeconds: 90, missingSeconds: 10, inPct: 78.2 },
      zones: [],
    });
    expect(text).toBe("Output: average 152 W, max 402 W. In the target range 23:20 of 29:50 (78%); 5:00 below, 1:30 above. No reading for 0:10.");
    const pace = describePanel({
      title: "Pace",
      format: { unit: "min/mi", decimals: 2, pace: true },
      stats: { avg: 8.4, min: 6.07, max: 11, dataSeconds: 1200, missingSeconds: 0 },
      compliance: null,
      zones: [{ id: "2", name: "Light", lower: 130, upper: 150, range: "130–149 bpm", label: "Z2 130–149 bpm", tone: 2, seconds: 600 }],
    });
    expect(pace).toBe("Pace: average 8:24 /mi, fastest 6:04 /mi. Most time in zone 2 Light (10:00).");
  });
});
