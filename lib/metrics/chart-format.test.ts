import { describe, expect, it } from "vitest";
import { axisTicks, niceDomain, niceStep } from "./chart-domain";
import { formatAxisNumber, formatClock, formatDayTick, formatPace, formatRange, formatValue, timeTicks } from "./chart-format";

describe("chart formatting", () => {
  it("clock: m:ss under an hour, h:mm:ss from an hour", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(1800)).toBe("30:00");
    expect(formatClock(3661)).toBe("1:01:01");
    expect(formatClock(7200)).toBe("2:00:00");
  });

  it("pace: decimal minutes → m:ss", () => {
    expect(formatPace(9.5)).toBe("9:30");
    expect(formatPace(10.91)).toBe("10:55");
    expect(formatPace(2.58)).toBe("2:35");
  });

  it("values and ranges with units", () => {
    expect(formatValue(212, { unit: "W", decimals: 0, pace: false })).toBe("212 W");
    expect(formatValue(13.44, { unit: "mph", decimals: 1, pace: false })).toBe("13.4 mph");
    expect(formatValue(42, { unit: "%", decimals: 0, pace: false })).toBe("42%");
    expect(formatValue(8.5, { unit: "min/mi", decimals: 2, pace: true })).toBe("8:30 /mi");
    expect(formatValue(null, { unit: "W", decimals: 0, pace: false })).toBe("–");
    expect(formatRange(80, 90, { unit: "rpm", decimals: 0, pace: false })).toBe("80–90 rpm");
    expect(formatRange(1, 1, { unit: "%", decimals: 1, pace: false })).toBe("1.0%");
  });

  it("time ticks: round minutes, at most 7", () => {
    expect(timeTicks(1800)).toEqual([0, 300, 600, 900, 1200, 1500, 1800]);
    expect(timeTicks(1205)).toEqual([0, 300, 600, 900, 1200]);
    expect(timeTicks(7200)).toEqual([0, 1200, 2400, 3600, 4800, 6000, 7200]);
    expect(timeTicks(90)).toEqual([0, 15, 30, 45, 60, 75, 90]);
    expect(timeTicks(0)).toEqual([0]);
  });
});

describe("y domains", () => {
  it("snap outwards to round steps, from zero when asked", () => {
    expect(niceStep(23)).toBe(50);
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceDomain([90, 241, 182, 210], { zero: true })).toEqual([0, 300]);
    expect(niceDomain([45, 46], { nonNegative: true, minStep: 1 })).toEqual([44, 47]);
    expect(niceDomain([])).toEqual([0, 1]);
    expect(niceDomain([5, 5])).toEqual([3.5, 6.5]);
  });
});

describe("y ticks", () => {
  it("round values inside the domain", () => {
    expect(axisTicks([0, 300])).toEqual([0, 100, 200, 300]);
    expect(axisTicks([20, 60])).toEqual([20, 30, 40, 50, 60]);
    expect(axisTicks([4, 12], 5, 0.25)).toEqual([4, 6, 8, 10, 12]);
    expect(axisTicks([1.75, 2.75], 5, 0.25)).toEqual([2, 2.5]);
    expect(axisTicks([5, 5])).toEqual([5]);
  });
});

describe("axis ticks", () => {
  it("reads a week's Monday as day and month", () => {
    expect(formatDayTick("2026-05-04")).toBe("4 May");
    expect(formatDayTick("2026-12-28")).toBe("28 Dec");
    expect(formatDayTick("nonsense")).toBe("nonsense");
  });

  it("shortens large numbers", () => {
    expect([0, 950, 1200, 12_400, 1_500_000, 2.5].map(formatAxisNumber)).toEqual(["0", "950", "1.2k", "12k", "1.5M", "2.5"]);
  });
});
