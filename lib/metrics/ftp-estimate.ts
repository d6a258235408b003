import type { FtpEstimate } from "@/lib/domain/analytics";
import { CURVE_SECONDS } from "./mmp";

/**
 * FTP estimates from a power curve (pure), each named after its model:
 *
 * - cp2, the 2-parameter critical-power model (Monod & Scherrer), in its linear work–time form: the work of a best
 *   effort, W(t) = P(t)·t, is fitted as W = CP·t + W′ by least squares over the best 3, 5, 12 and 20-minute efforts.
 *   CP is the slope, the power sustainable "indefinitely" in the model, and W′ the work available above it. Golden
 *   Cheetah and intervals.icu fit models of this family; CP lands close to FTP for most riders.
 * - p20, Allen & Coggan's rule: 95 % of the best 20-minute power (the same rule Peloton's FTP test applies).
 *
 * cp2 is preferred when at least three of its efforts exist and the fit is plausible (CP below the 3-minute power,
 * W′ between 2 and 60 kJ); otherwise p20 when there is a 20-minute effort; otherwise nothing.
 */
const CP_EFFORTS = [180, 300, 720, 1200];
const P20_SECONDS = 1200;

function at(curve: ArrayLike<number>, seconds: number): number {
  const i = CURVE_SECONDS.indexOf(seconds);
  return i < 0 ? 0 : (curve[i] ?? 0);
}

export function criticalPower(curve: ArrayLike<number>): { cp: number; wPrime: number; fromSeconds: number[] } | null {
  const points = CP_EFFORTS.map((t) => ({ t, work: at(curve, t) * t })).filter((p) => p.work > 0);
  if (points.length < 3) return null;
  const n = points.length;
  const meanT = points.reduce((a, p) => a + p.t, 0) / n;
  const meanW = points.reduce((a, p) => a + p.work, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.t - meanT) * (p.work - meanW);
    sxx += (p.t - meanT) ** 2;
  }
  const cp = sxy / sxx;
  const wPrime = meanW - cp * meanT;
  const threeMinute = at(curve, 180);
  if (!(cp > 0) || !(wPrime >= 2000 && wPrime <= 60_000) || (threeMinute > 0 && cp >= threeMinute)) return null;
  return { cp, wPrime, fromSeconds: points.map((p) => p.t) };
}

export function estimateFtp(curve: ArrayLike<number>): FtpEstimate | null {
  const cp = criticalPower(curve);
  if (cp) {
    return {
      watts: Math.round(cp.cp),
      model: "cp2",
      label: "Critical power, 2-parameter work–time model (best 3, 5, 12 and 20-minute efforts)",
      wPrimeJoules: Math.round(cp.wPrime),
      fromSeconds: cp.fromSeconds,
    };
  }
  const p20 = at(curve, P20_SECONDS);
  if (p20 > 0) return { watts: Math.round(0.95 * p20), model: "p20", label: "95 % of your best 20-minute power", wPrimeJoules: null, fromSeconds: [P20_SECONDS] };
  return null;
}

/** The FTP an FTP-test ride implies: 95 % of its best 20-minute power, as Peloton's test computes it. */
export function ftpTestResult(curve: ArrayLike<number>): number | null {
  const p20 = at(curve, P20_SECONDS);
  return p20 > 0 ? Math.round(0.95 * p20) : null;
}
