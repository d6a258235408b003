import { describe, expect, it } from "vitest";
import { criticalPower, estimateFtp, ftpTestResult } from "./ftp-estimate";
import { CURVE_SECONDS } from "./mmp";

/** A curve that follows P(t) = CP + W′/t exactly. */
function modelCurve(cp: number, wPrime: number): Float64Array {
  return Float64Array.from(CURVE_SECONDS, (t) => cp + wPrime / t);
}

describe("FTP estimates", () => {
  it("recovers CP and W′ from a curve that follows the 2-parameter model", () => {
    const fit = criticalPower(modelCurve(250, 18_000));
    expect(fit?.cp).toBeCloseTo(250, 6);
    expect(fit?.wPrime).toBeCloseTo(18_000, 3);
    expect(estimateFtp(modelCurve(250, 18_000))).toMatchObject({ watts: 250, model: "cp2", wPrimeJoules: 18_000, fromSeconds: [180, 300, 720, 1200] });
  });

  it("falls back to 95 % of the best 20 minutes when the fit is implausible or efforts are missing", () => {
    const onlyTwenty = new Float64Array(CURVE_SECONDS.length);
    onlyTwenty[CURVE_SECONDS.indexOf(1200)] = 260;
    expect(estimateFtp(onlyTwenty)).toMatchObject({ watts: 247, model: "p20", label: "95 % of your best 20-minute power" });
    // Flat efforts: W′ ≈ 0, not a critical-power shape.
    const flat = Float64Array.from(CURVE_SECONDS, () => 230);
    expect(estimateFtp(flat)).toMatchObject({ model: "p20", watts: 219 });
  });

  it("an FTP test's result is 95 % of its 20-minute power; no 20 minutes, no result", () => {
    expect(ftpTestResult(modelCurve(250, 18_000))).toBe(Math.round(0.95 * (250 + 18_000 / 1200)));
    expect(ftpTestResult(new Float64Array(CURVE_SECONDS.length))).toBeNull();
    expect(estimateFtp(new Float64Array(CURVE_SECONDS.length))).toBeNull();
  });
});
