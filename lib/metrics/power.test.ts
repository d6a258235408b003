import { describe, expect, it } from "vitest";
import { averagePower, intensityFactor, maxPower, normalizedPower, powerMetrics, toOneHz, trainingStressScore } from "./power";

const repeat = (watts: number | null, seconds: number) => Array.from({ length: seconds }, () => watts);

/** Independent oracle: for each second from the 30th, the mean of the readings in the last 30 s (O(n·30)). */
function bruteForceNp(values: readonly (number | null)[]): number | null {
  const fourth: number[] = [];
  for (let t = 29; t < values.length; t++) {
    const window = values.slice(t - 29, t + 1).filter((v): v is number => v !== null);
    if (window.length) fourth.push((window.reduce((a, b) => a + b, 0) / window.length) ** 4);
  }
  return fourth.length ? (fourth.reduce((a, b) => a + b, 0) / fourth.length) ** 0.25 : null;
}

describe("normalizedPower", () => {
  it("is the power itself for a constant effort", () => {
    expect(normalizedPower(repeat(250, 3600))).toBeCloseTo(250, 9);
  });

  it("30 s at 200 W then 30 s at 300 W: rolling means 200, 203.3 … 300 → NP 255.19 W", () => {
    // The 31 rolling values are 200 + 10k/3 (k = 0…30); NP = (mean of their 4th powers)^¼.
    const np = normalizedPower([...repeat(200, 30), ...repeat(300, 30)]);
    expect(np).toBeCloseTo(255.192, 3);
    expect(averagePower([...repeat(200, 30), ...repeat(300, 30)])).toBe(250);
  });

  it("weights hard intervals above the average (60 s on / 60 s off)", () => {
    const ride = Array.from({ length: 10 }, () => [...repeat(300, 60), ...repeat(100, 60)]).flat();
    const np = normalizedPower(ride);
    expect(averagePower(ride)).toBe(200);
    expect(np).toBeGreaterThan(220);
    expect(np).toBeCloseTo(bruteForceNp(ride) ?? 0, 9);
  });

  it("has no value for a ride shorter than the 30 s window", () => {
    expect(normalizedPower(repeat(200, 29))).toBeNull();
    expect(normalizedPower(repeat(200, 30))).toBeCloseTo(200, 9);
    expect(normalizedPower([])).toBeNull();
  });

  it("leaves nulls out of the window while time moves on (a dropout is not 0 W)", () => {
    const withGap = [...repeat(250, 1500), ...repeat(null, 600), ...repeat(250, 1500)];
    expect(normalizedPower(withGap)).toBeCloseTo(250, 9);
    const withZeros = withGap.map((v) => v ?? 0);
    // Counted as coasting instead, the same gap drags NP down to about 250 · (3000/3600)^¼ ≈ 239 W.
    expect(normalizedPower(withZeros)).toBeLessThan(241);
    expect(normalizedPower(withZeros)).toBeCloseTo(bruteForceNp(withZeros) ?? 0, 9);
  });

  it("matches the brute-force definition on noisy data with scattered and long gaps", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ride = Array.from({ length: 2400 }, (_, t) => {
      if (t >= 900 && t < 960) return null; // a one-minute dropout
      if (rand() < 0.02) return null; // scattered missing samples
      return Math.round(180 + 80 * Math.sin(t / 90) + 25 * (rand() - 0.5));
    });
    expect(normalizedPower(ride)).toBeCloseTo(bruteForceNp(ride) ?? 0, 9);
  });

  it("holds every_n > 1 samples for their interval (5 s samples of a constant ride)", () => {
    expect(normalizedPower(repeat(250, 720), 5)).toBeCloseTo(250, 9);
    const fiveSecond = [100, 300, 100, 300, 100, 300, 100, 300, 100, 300, 100, 300];
    expect(normalizedPower(fiveSecond, 5)).toBeCloseTo(bruteForceNp(toOneHz(fiveSecond, 5)) ?? 0, 9);
  });

  it("treats negative readings as 0 W and non-finite ones as missing", () => {
    expect(toOneHz([-5, Number.NaN, 10], 2)).toEqual([0, 0, null, null, 10, 10]);
  });
});

describe("IF and TSS", () => {
  it("one hour at FTP is IF 1.0 and TSS 100", () => {
    const m = powerMetrics(repeat(250, 3600), { ftp: 250 });
    expect(m.normalizedPower).toBeCloseTo(250, 9);
    expect(m.intensityFactor).toBeCloseTo(1, 9);
    expect(m.tss).toBeCloseTo(100, 9);
    expect(m.secondsWithPower).toBe(3600);
  });

  it("one hour at 200 W with FTP 250 is IF 0.8 and TSS 64", () => {
    const m = powerMetrics(repeat(200, 3600), { ftp: 250 });
    expect(m.intensityFactor).toBeCloseTo(0.8, 9);
    expect(m.tss).toBeCloseTo(64, 9);
  });

  it("counts seconds, not samples, at every_n = 5", () => {
    const m = powerMetrics(repeat(250, 720), { ftp: 250, intervalSeconds: 5 });
    expect(m.secondsWithPower).toBe(3600);
    expect(m.tss).toBeCloseTo(100, 9);
  });

  it("charges only the seconds with a reading", () => {
    const m = powerMetrics([...repeat(250, 1500), ...repeat(null, 600), ...repeat(250, 1500)], { ftp: 250 });
    expect(m.secondsWithPower).toBe(3000);
    expect(m.tss).toBeCloseTo((3000 * 250 * 1) / (250 * 3600) * 100, 9);
  });

  it("has no IF/TSS without a usable FTP or NP", () => {
    expect(intensityFactor(200, 0)).toBeNull();
    expect(intensityFactor(200, null)).toBeNull();
    expect(intensityFactor(null, 250)).toBeNull();
    expect(trainingStressScore({ seconds: 3600, np: null, ftp: 250 })).toBeNull();
    expect(powerMetrics(repeat(200, 600)).tss).toBeNull();
  });

  it("reports nothing for a series without readings", () => {
    expect(powerMetrics(repeat(null, 120), { ftp: 200 })).toEqual({
      averagePower: null,
      maxPower: null,
      normalizedPower: null,
      intensityFactor: null,
      tss: null,
      secondsWithPower: 0,
    });
  });
});

describe("averagePower / maxPower", () => {
  it("ignore nulls and keep zeros (coasting)", () => {
    expect(averagePower([100, null, 0, 200])).toBe(100);
    expect(maxPower([100, null, 0, 200])).toBe(200);
    expect(maxPower([null])).toBeNull();
  });
});
