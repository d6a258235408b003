import { describe, expect, it } from "vitest";
import { classOffsetsToSpan, expectedOutput, paceMinutesToSeconds, targetsFromCues, targetsFromEntries, targetsFromGraphMetrics } from "./targets";
import { mergeSpans, spanToSampleRange } from "@/lib/domain/targets";
import { targetMetricEntrySchema, targetGraphMetricSchema, instructorCueSchema } from "../api/target-schemas";

const entry = (start: number, end: number, metrics: [string, number | null, number | null][], segmentType = "power_zone") =>
  targetMetricEntrySchema.parse({ offsets: { start, end }, segment_type: segmentType, metrics: metrics.map(([name, lower, upper]) => ({ name, lower, upper })) });

describe("offset alignment", () => {
  it("maps inclusive video offsets to end-exclusive seconds since the first sample (spec: 60..359 is 300 s)", () => {
    expect(classOffsetsToSpan({ start: 60, end: 359 }, 60)).toEqual({ start: 0, end: 300 });
    expect(classOffsetsToSpan({ start: 360, end: 419 }, 60)).toEqual({ start: 300, end: 360 });
    expect(classOffsetsToSpan({ start: 60, end: 60 }, 60)).toEqual({ start: 0, end: 1 });
  });

  it("follows the ride's pedaling start when it is not 60", () => {
    expect(classOffsetsToSpan({ start: 45, end: 104 }, 45)).toEqual({ start: 0, end: 60 });
    expect(classOffsetsToSpan({ start: 0, end: 299 }, 0)).toEqual({ start: 0, end: 300 });
  });

  it("clips targets that begin in the intro and drops those that end before pedaling", () => {
    expect(classOffsetsToSpan({ start: 30, end: 119 }, 60)).toEqual({ start: 0, end: 60 });
    expect(classOffsetsToSpan({ start: 0, end: 59 }, 60)).toBeNull();
    expect(classOffsetsToSpan({ start: 60, end: null }, 60)).toBeNull();
    expect(classOffsetsToSpan(null, 60)).toBeNull();
  });

  it("finds the samples inside a span: offset k (1, 2, …) is span time k − 1, index i covers [i·N, (i+1)·N)", () => {
    // 1 s samples, offsets 1..1800: video 60..359 → span 0..300 → samples with offsets 1..300 → indices 0..299
    expect(spanToSampleRange({ start: 0, end: 300 }, { intervalSeconds: 1, length: 1800 })).toEqual({ startIndex: 0, endIndex: 300 });
    // 5 s samples (offsets 1, 6, 11, …): span 300..360 → indices 60..71 (offsets 301..356)
    expect(spanToSampleRange({ start: 300, end: 360 }, { intervalSeconds: 5, length: 361 })).toEqual({ startIndex: 60, endIndex: 72 });
    expect(spanToSampleRange({ start: 1790, end: 1900 }, { intervalSeconds: 1, length: 1800 })).toEqual({ startIndex: 1790, endIndex: 1800 });
    expect(spanToSampleRange({ start: 5000, end: 5100 }, { intervalSeconds: 1, length: 1800 })).toEqual({ startIndex: 1800, endIndex: 1800 });
  });
});

describe("targetsFromEntries", () => {
  it("reads power zones (single and ranged), cadence, resistance, speed, incline, stroke rate and pace intensity", () => {
    const t = targetsFromEntries(
      [
        entry(60, 359, [["power_zone", 2, 2]]),
        entry(360, 419, [["power_zone", 3, 4]]),
        entry(420, 479, [["cadence", 80, 90], ["resistance", 35, 45]], "cycling"),
        entry(480, 539, [["speed", 5.5, 6.5], ["incline", 1, 2], ["pace_intensity", 3, 3]], "running"),
        entry(540, 599, [["stroke_rate", 24, 26], ["pace_intensity", -1, -1]], "caesar"),
        entry(600, 659, [["unknown_metric", 1, 2], ["power_zone", null, null]]),
      ],
      60,
    );
    expect(t.powerZones).toEqual([
      { start: 0, end: 300, zoneLower: 2, zoneUpper: 2 },
      { start: 300, end: 360, zoneLower: 3, zoneUpper: 4 },
    ]);
    expect(t.ranges.cadence).toEqual([{ start: 360, end: 420, lower: 80, upper: 90 }]);
    expect(t.ranges.resistance).toEqual([{ start: 360, end: 420, lower: 35, upper: 45 }]);
    expect(t.ranges.speed).toEqual([{ start: 420, end: 480, lower: 5.5, upper: 6.5 }]);
    expect(t.ranges.incline).toEqual([{ start: 420, end: 480, lower: 1, upper: 2 }]);
    expect(t.ranges.strokeRate).toEqual([{ start: 480, end: 540, lower: 24, upper: 26 }]);
    expect(t.paceIntensity).toEqual([
      { start: 420, end: 480, intensity: 3 },
      { start: 480, end: 540, intensity: -1 },
    ]);
  });

  it("merges back-to-back entries with the same values and keeps the rest apart", () => {
    const t = targetsFromEntries([entry(60, 119, [["power_zone", 2, 2]]), entry(120, 179, [["power_zone", 2, 2]]), entry(180, 239, [["power_zone", 3, 3]])], 60);
    expect(t.powerZones).toEqual([
      { start: 0, end: 120, zoneLower: 2, zoneUpper: 2 },
      { start: 120, end: 180, zoneLower: 3, zoneUpper: 3 },
    ]);
  });

  it("orders swapped bounds and fills a missing bound from the other", () => {
    const t = targetsFromEntries([entry(60, 119, [["cadence", 95, 85], ["resistance", null, 40]], "cycling")], 60);
    expect(t.ranges.cadence).toEqual([{ start: 0, end: 60, lower: 85, upper: 95 }]);
    expect(t.ranges.resistance).toEqual([{ start: 0, end: 60, lower: 40, upper: 40 }]);
  });
});

describe("cues and the per-sample form", () => {
  it("turns instructor cues into cadence and resistance ranges", () => {
    const cues = [
      instructorCueSchema.parse({ offsets: { start: 60, end: 108 }, resistance_range: { upper: 35, lower: 25 }, cadence_range: { upper: 100, lower: 80 } }),
      instructorCueSchema.parse({ offsets: { start: 109, end: 179 }, resistance_range: { upper: 50, lower: 40 }, cadence_range: null }),
    ];
    expect(targetsFromCues(cues, 60)).toEqual({
      cadence: [{ start: 0, end: 49, lower: 80, upper: 100 }],
      resistance: [
        { start: 0, end: 49, lower: 25, upper: 35 },
        { start: 49, end: 120, lower: 40, upper: 50 },
      ],
    });
  });

  it("turns runs of equal upper/lower in graph_data into spans at the sample interval, cut at the duration", () => {
    const metrics = [targetGraphMetricSchema.parse({ type: "cadence", graph_data: { upper: [90, 90, 95, 95, null], lower: [80, 80, 85, 85, null] } })];
    expect(targetsFromGraphMetrics(metrics, "cadence", 5, 18)).toEqual([
      { start: 0, end: 10, lower: 80, upper: 90 },
      { start: 10, end: 18, lower: 85, upper: 95 },
    ]);
    expect(targetsFromGraphMetrics(metrics, "resistance", 5)).toEqual([]);
  });

  it("reads graph_data with gaps, one-sided and swapped bounds and lists of unequal length as span per sample would", () => {
    // Each sample's span read directly, then merged: what the rider sees as the class's target band over time.
    const upper = [90, 90, null, null, 95, 95, 95, 100, Number.NaN, 70, 70];
    const lower = [80, 80, null, 85, 85, 85, 100, 90, 60, 60, 60, 60, 60];
    const metrics = [targetGraphMetricSchema.parse({ type: "resistance", graph_data: { upper, lower } })];
    expect(targetsFromGraphMetrics(metrics, "resistance", 2, 23)).toEqual([
      { start: 0, end: 4, lower: 80, upper: 90 },
      // no bound at 4 s: a gap; a lone lower bound is a point target
      { start: 6, end: 8, lower: 85, upper: 85 },
      { start: 8, end: 12, lower: 85, upper: 95 },
      // swapped bounds are put in order, so 12 s joins nothing before it
      { start: 12, end: 14, lower: 95, upper: 100 },
      { start: 14, end: 16, lower: 90, upper: 100 },
      { start: 16, end: 18, lower: 60, upper: 60 },
      { start: 18, end: 22, lower: 60, upper: 70 },
      // the lower list runs on past the upper one, and the last span is cut at the duration
      { start: 22, end: 23, lower: 60, upper: 60 },
    ]);
  });
});

describe("small conversions", () => {
  it("expected output: object, bare number, missing", () => {
    expect(expectedOutput({ expected_lower_output: 210, expected_upper_output: 320 })).toEqual({ lower: 210, upper: 320 });
    expect(expectedOutput(300)).toEqual({ lower: 300, upper: 300 });
    expect(expectedOutput(null)).toBeNull();
    expect(expectedOutput({ expected_lower_output: null, expected_upper_output: null })).toBeNull();
  });

  it("pace in decimal minutes to seconds (0.1 s)", () => {
    expect(paceMinutesToSeconds(2.78)).toBe(166.8);
    expect(paceMinutesToSeconds(18.2)).toBe(1092);
    expect(paceMinutesToSeconds(0)).toBeNull();
    expect(paceMinutesToSeconds(null)).toBeNull();
  });

  it("mergeSpans sorts and only merges touching spans", () => {
    expect(mergeSpans([{ start: 10, end: 20, lower: 1, upper: 2 }, { start: 0, end: 10, lower: 1, upper: 2 }, { start: 25, end: 30, lower: 1, upper: 2 }])).toEqual([
      { start: 0, end: 20, lower: 1, upper: 2 },
      { start: 25, end: 30, lower: 1, upper: 2 },
    ]);
  });

  it("mergeSpans merges touching spans only when every other value is the same", () => {
    type Span = { start: number; end: number; lower?: number; upper?: number; name?: string };
    const spans: Span[] = [
      { start: 0, end: 5, lower: 1, upper: 2 },
      { start: 5, end: 9, lower: 1, upper: 3 },
      { start: 9, end: 12, lower: 1 },
      { start: 12, end: 14, lower: 1, upper: undefined },
      { start: 14, end: 15, lower: 1, name: "a" },
      { start: 15, end: 16, lower: 1, name: "a" },
    ];
    expect(mergeSpans(spans).map((s) => [s.start, s.end])).toEqual([[0, 5], [5, 9], [9, 12], [12, 14], [14, 16]]);
  });
});
