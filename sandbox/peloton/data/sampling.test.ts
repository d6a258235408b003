import { describe, expect, it } from "vitest";
import { downsample, sampleOffsets } from "./sampling";

describe("every_n sampling (docs/peloton-api.md §5.6)", () => {
  it("lists 1, 1+N, … and ends on the duration", () => {
    expect(sampleOffsets(5, 1)).toEqual([1, 2, 3, 4, 5]);
    expect(sampleOffsets(1800, 10).slice(-2)).toEqual([1791, 1800]);
    expect(sampleOffsets(21, 10)).toEqual([1, 11, 21]);
    expect(sampleOffsets(0, 5)).toEqual([]);
  });

  it("averages each window, skipping gaps, and yields null for an empty window", () => {
    const values = Float64Array.from([1, 3, Number.NaN, Number.NaN, 10]);
    expect(downsample(values, sampleOffsets(5, 2), 1)).toEqual([2, null, 10]);
    expect(downsample(values, sampleOffsets(5, 1), 0)).toEqual([1, 3, null, null, 10]);
  });
});
