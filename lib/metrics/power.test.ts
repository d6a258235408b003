import { describe, expect, it } from "vitest";
import { averagePower, intensityFactor, maxPower, normalizedPower, powerMetrics, toOneHz, trainingStressScore } from "./power";

const repeat = (watts: number | null, seconds: number) => Array.from({ length: seconds }, () => watts);

/** Independent oracle: for each second from the 30th, the mean of the last 30 s, no reading as 0 W (O(n·30)). */
function bruteForceNp(values: readonly (number | null)[]): number | null {
  const fourth: number[] = [];
  for (let t = 29; t < values.length; t++) {
    const window = values.slice(t - 29, t + 1).map((v) => v ?? 0);
    fourth.push((window.reduce((a, b) => a + b, 0) / 30) ** 4);
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

  it("counts seconds without a reading as 0 W, as head units and Peloton's totals do (coasting)", () => {
    const withGap = [...repeat(250, 1500), ...repeat(null, 600), ...repeat(250, 1500)];
    const withZeros = withGap.map((v) => v ?? 0);
    // the 10 minutes without power drag NP down to about 250 · (3000/3600)^¼ ≈ 239 W, exactly as written-out zeros
    expect(normalizedPower(withGap)).toBeLessThan(241);
    expect(normalizedPower(withGap)).toBeCloseTo(normalizedPower(withZeros) ?? 0, 9);
    expect(normalizedPower(withGap)).toBeCloseTo(bruteForceNp(withZeros) ?? 0, 9);
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

  it("cuts paused seconds out before the window runs (auto-pause): NP of the timer-running seconds alone", () => {
    const before = [...repeat(250, 600), ...repeat(40, 15)];
    const after = [...repeat(520, 20), ...repeat(220, 600)];
    const withPause = [...before, ...repeat(null, 120), ...after];
    const np = normalizedPower(withPause, 1, [{ start: 615, end: 735 }]);
    expect(np).toBeCloseTo(bruteForceNp([...before, ...after]) ?? 0, 9);
    // without the pause cut out, the stopped seconds would count as 0 W
    expect(normalizedPower(withPause)).toBeLessThan((np ?? 0) - 5);
    expect(powerMetrics(withPause, { pauses: [{ start: 615, end: 735 }] }).secondsWithPower).toBe(before.length + after.length);
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

  it("charges every timer-running second of a recording with power (seconds without a reading are 0 W)", () => {
    const m = powerMetrics([...repeat(250, 1500), ...repeat(null, 600), ...repeat(250, 1500)], { ftp: 250 });
    expect(m.secondsWithPower).toBe(3600);
    expect(m.averagePower).toBeCloseTo(250 * (3000 / 3600), 9);
    expect(m.tss).toBeCloseTo(((3600 * (m.normalizedPower ?? 0) ** 2) / (250 * 250 * 3600)) * 100, 9);
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
  it("count a second without a reading and coasting both as 0 W; no reading at all is no power", () => {
    expect(averagePower([100, null, 0, 200])).toBe(75);
    expect(averagePower([null, null])).toBeNull();
    expect(maxPower([100, null, 0, 200])).toBe(200);
    expect(maxPower([null])).toBeNull();
  });
});
