import { describe, expect, it } from "vitest";
import { seededRandom } from "@/sandbox/shared/http";
import { aggregateCurves } from "./curve-aggregate";
import { decodeCurve, encodeCurve } from "./curve-codec";
import { CURVE_SECONDS, meanMaximal } from "./mmp";

/** The definition, spelled out: every window of every length, nulls as 0. */
function bruteForce(values: (number | null)[], durations: readonly number[]): number[] {
  return durations.map((d) => {
    if (d > values.length) return 0;
    let best = 0;
    for (let start = 0; start + d <= values.length; start++) {
      let sum = 0;
      for (let i = start; i < start + d; i++) sum += Math.max(0, values[i] ?? 0);
      best = Math.max(best, sum / d);
    }
    return best;
  });
}

function randomSeries(seed: number, length: number): (number | null)[] {
  const random = seededRandom(seed);
  let level = 150;
  return Array.from({ length }, () => {
    level = Math.max(0, level + (random() - 0.5) * 40);
    const r = random();
    return r < 0.03 ? null : r < 0.05 ? 0 : Math.round(level + random() * 400 * (r > 0.98 ? 1 : 0));
  });
}

describe("mean-maximal power", () => {
  it("equals a brute-force search on random series with dropouts and coasting", () => {
    const durations = [1, 2, 3, 5, 7, 10, 30, 60, 90, 180, 300, 599, 600, 601];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const series = randomSeries(seed, 240 + seed * 97);
      const fast = Array.from(meanMaximal(series, durations));
      const slow = bruteForce(series, durations);
      fast.forEach((v, i) => expect(v, `seed ${seed}, ${durations[i]} s`).toBeCloseTo(slow[i] ?? 0, 9));
    }
  });

  it("1 s is the highest reading and the whole ride's length is its average", () => {
    const series = randomSeries(9, 3600);
    const curve = meanMaximal(series, [1, 3600]);
    expect(curve[0]).toBe(Math.max(...series.map((v) => v ?? 0)));
    expect(curve[1]).toBeCloseTo(series.reduce<number>((a, v) => a + (v ?? 0), 0) / 3600, 9);
  });

  it("has no value for durations longer than the ride", () => {
    const curve = meanMaximal([200, 200, 200], [1, 3, 4]);
    expect(Array.from(curve)).toEqual([200, 200, 0]);
  });

  it("a dropout inside a window counts as 0 W, never as a reading", () => {
    expect(Array.from(meanMaximal([300, null, 300], [3]))).toEqual([200]);
  });
});

describe("curve storage", () => {
  it("round-trips power to the watt and speed to the mm/s, in 108 bytes", () => {
    const power = meanMaximal(randomSeries(3, 3700));
    const bytes = encodeCurve("power", power);
    expect(bytes.byteLength).toBe(4 + 2 * CURVE_SECONDS.length);
    expect(bytes.byteLength).toBeLessThanOrEqual(1024);
    const decoded = decodeCurve(bytes);
    expect(decoded?.kind).toBe("power");
    decoded?.values.forEach((v, i) => expect(Math.abs(v - (power[i] ?? 0))).toBeLessThanOrEqual(0.5));
    const speed = decodeCurve(encodeCurve("speed", [3.4567, 2.1]));
    expect(speed?.values[0]).toBeCloseTo(3.457, 6);
    expect(speed?.values[2]).toBe(0);
  });

  it("rejects bytes that are not a curve", () => {
    expect(decodeCurve(new Uint8Array([9, 1, 0, 0]))).toBeNull();
    expect(decodeCurve(new Uint8Array([1, 1, 52, 0, 1]))).toBeNull();
  });
});

describe("aggregate curve", () => {
  it("takes the best stored value at each duration and remembers which workout set it", () => {
    const a = encodeCurve("power", [800, 500, 0]);
    const b = encodeCurve("power", [700, 520, 300]);
    const c = encodeCurve("power", [800, 400]);
    const agg = aggregateCurves("power", [a, b, c]);
    expect(Array.from(agg.values.slice(0, 4))).toEqual([800, 520, 300, 0]);
    expect(Array.from(agg.owner.slice(0, 4))).toEqual([0, 1, 1, -1]);
  });

  it("matches the curve of the concatenated bests on random rides", () => {
    const rides = [1, 2, 3, 4].map((s) => meanMaximal(randomSeries(s, 900 + s * 300)));
    const agg = aggregateCurves("power", rides.map((r) => encodeCurve("power", r)));
    CURVE_SECONDS.forEach((_, i) => expect(agg.values[i]).toBe(Math.max(...rides.map((r) => Math.round(r[i] ?? 0)))));
  });
});
