import { describe, expect, it } from "vitest";
import { sampleSegments, targetCompliance } from "./compliance";
import { powerZoneBands, rangeBands } from "./target-bands";

const fill = (n: number, v: number | null) => new Array<number | null>(n).fill(v);

describe("time in target range", () => {
  // A 60 s Z4 span at FTP 250 (Z4 counts 227–263 W) at 1 s:
  // 30 s at 240 W (in), 10 s at 226 W (Z3: under), 5 s at 227 W (in), 5 s at 263 W (in), 5 s at 264 W (Z5: over), 5 s no reading.
  const watts = [...fill(30, 240), ...fill(10, 226), ...fill(5, 227), ...fill(5, 263), ...fill(5, 264), ...fill(5, null)];
  const z4 = powerZoneBands([{ start: 0, end: 60, zoneLower: 4, zoneUpper: 4 }], 250, null);

  it("counts exact seconds in, under, over and missing; nulls are outside the denominator", () => {
    const { total, spans } = targetCompliance(watts, 1, z4, sampleSegments([], 60, 1), 0);
    expect(total).toEqual({ targetSeconds: 60, dataSeconds: 55, inSeconds: 40, underSeconds: 10, overSeconds: 5, missingSeconds: 5, inPct: 72.7 });
    expect(spans[0]).toMatchObject({ dataSeconds: 55, inSeconds: 40 });
    expect(spans[0]?.avg).toBeCloseTo((30 * 240 + 10 * 226 + 5 * 227 + 5 * 263 + 5 * 264) / 55, 9);
  });

  it("splits the same tallies per segment", () => {
    const segments = [
      { start: 0, end: 40 },
      { start: 40, end: 60 },
    ];
    const { segments: perSegment } = targetCompliance(watts, 1, z4, sampleSegments(segments, 60, 1), 2);
    // segment 1: 30 s at 240 + 10 s at 226; segment 2: 5 × 227, 5 × 263, 5 × 264, 5 × null
    expect(perSegment[0]).toEqual({ targetSeconds: 40, dataSeconds: 40, inSeconds: 30, underSeconds: 10, overSeconds: 0, missingSeconds: 0, inPct: 75 });
    expect(perSegment[1]).toEqual({ targetSeconds: 20, dataSeconds: 15, inSeconds: 10, underSeconds: 0, overSeconds: 5, missingSeconds: 5, inPct: 66.7 });
  });

  it("counts only time with a target, and each sample once where spans overlap", () => {
    const cadence = [...fill(10, 85), ...fill(10, 95), ...fill(10, 70)];
    const bands = rangeBands(
      [
        { start: 0, end: 20, lower: 80, upper: 90 },
        { start: 10, end: 25, lower: 90, upper: 100 },
      ],
      { unit: "rpm", decimals: 0, pace: false },
    );
    const { total } = targetCompliance(cadence, 1, bands, sampleSegments([], 30, 1), 0);
    // 0–9 at 85 in [80,90]; 10–19 at 95 against the first span (over); 20–24 at 70 against the second (under); 25–29 untargeted
    expect(total).toMatchObject({ targetSeconds: 25, dataSeconds: 25, inSeconds: 10, overSeconds: 10, underSeconds: 5, inPct: 40 });
  });

  it("each sample counts its interval at every_n = 5; time after the last sample is not counted", () => {
    const values = [85, 85, 95, null, 85, 85]; // 6 samples × 5 s = 30 s
    const bands = rangeBands([{ start: 0, end: 60, lower: 80, upper: 90 }], { unit: "rpm", decimals: 0, pace: false });
    const segments = [
      { start: 0, end: 15 },
      { start: 15, end: 60 },
    ];
    const result = targetCompliance(values, 5, bands, sampleSegments(segments, 6, 5), 2);
    expect(result.total).toEqual({ targetSeconds: 30, dataSeconds: 25, inSeconds: 20, underSeconds: 0, overSeconds: 5, missingSeconds: 5, inPct: 80 });
    expect(result.segments.map((s) => [s.targetSeconds, s.inSeconds, s.missingSeconds])).toEqual([
      [15, 10, 0],
      [15, 10, 5],
    ]);
  });

  it("no readings → inPct null", () => {
    const bands = rangeBands([{ start: 0, end: 3, lower: 80, upper: 90 }], { unit: "rpm", decimals: 0, pace: false });
    expect(targetCompliance([null, null, null], 1, bands, sampleSegments([], 3, 1), 0).total.inPct).toBeNull();
  });
});
