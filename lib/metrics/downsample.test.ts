import { describe, expect, it } from "vitest";
import { seededRandom as rng } from "@/sandbox/shared/http";
import { minMaxDownsample } from "./downsample";

describe("min/max downsampling", () => {
  it("leaves a series of up to 2 × maxPoints samples untouched", () => {
    const values = [1, null, 3, 4];
    const out = minMaxDownsample([values], 4, 2);
    expect(out).toEqual({ bucket: 1, indexes: [0, 1, 2, 3], columns: [[1, null, 3, 4]] });
  });

  it("keeps each bucket's min and max in the order they occur, at the bucket's first and middle sample", () => {
    // 10 samples, maxPoints 2 → buckets of 5: [5 1 9 4 4] → min 1 then max 9; [9 2 null 3 0] → max 9 then min 0
    const out = minMaxDownsample([[5, 1, 9, 4, 4, 9, 2, null, 3, 0]], 10, 2);
    expect(out.bucket).toBe(5);
    expect(out.indexes).toEqual([0, 2, 5, 7]);
    expect(out.columns[0]).toEqual([1, 9, 9, 0]);
  });

  it("an all-null bucket is a gap; a lone sample in the last bucket is one point", () => {
    const out = minMaxDownsample([[1, 2, null, null, 5]], 5, 2);
    expect(out.bucket).toBe(3);
    expect(out.indexes).toEqual([0, 1, 3, 4]);
    expect(out.columns[0]).toEqual([1, 2, 5, 5]);
    const gap = minMaxDownsample([[1, 2, 3, null, null, null, 7]], 7, 3);
    expect(gap.columns[0]).toEqual([1, 3, null, null, 7]);
  });

  it("2-hour 1 s ride with spikes and dropouts: ≤ 2 × maxPoints points, every bucket's min and max kept, spikes visible", () => {
    const random = rng(42);
    const length = 7200;
    const maxPoints = 1500;
    const power = Array.from({ length }, () => (random() < 0.01 ? null : Math.round(150 + 60 * random())));
    const hr = Array.from({ length }, (_, i) => (i >= 3000 && i < 3300 ? null : Math.round(120 + 30 * random())));
    power[4321] = 1100; // a one-second sprint
    const out = minMaxDownsample([power, hr], length, maxPoints);
    expect(out.indexes.length).toBeLessThanOrEqual(2 * maxPoints);
    expect(out.columns.every((c) => c.length === out.indexes.length)).toBe(true);
    expect(Math.max(...out.columns[0]!.filter((v): v is number => v !== null))).toBe(1100);

    let point = 0;
    for (let lo = 0; lo < length; lo += out.bucket) {
      const hi = Math.min(length, lo + out.bucket);
      const slots = hi - lo > 1 ? 2 : 1;
      [power, hr].forEach((source, c) => {
        const bucket = source.slice(lo, hi).filter((v): v is number => v !== null);
        const got = out.columns[c]!.slice(point, point + slots);
        if (!bucket.length) expect(got.every((v) => v === null)).toBe(true);
        else {
          const min = Math.min(...bucket);
          const max = Math.max(...bucket);
          expect([...got].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(slots === 2 ? [min, max] : [min]);
          if (slots === 2 && min !== max) {
            const firstMin = source.indexOf(min, lo);
            const firstMax = source.indexOf(max, lo);
            expect(got).toEqual(firstMin < firstMax ? [min, max] : [max, min]);
          }
        }
      });
      expect(out.indexes[point]).toBe(lo);
      point += slots;
    }
    expect(point).toBe(out.indexes.length);
    // the 300 s HR dropout (60 buckets of 5 s) stays a gap
    const gapPoints = out.indexes.map((idx, p) => [idx, out.columns[1]![p]] as const).filter(([idx]) => idx >= 3000 && idx < 3300);
    expect(gapPoints.every(([, v]) => v === null)).toBe(true);
  });
});
