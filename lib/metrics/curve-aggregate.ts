import { curveScale, type CurveKind } from "./curve-codec";
import { CURVE_SECONDS } from "./mmp";

/**
 * The curve of a range of workouts (pure): at each duration the best of their stored curves, and which workout set
 * it. Works on the stored bytes directly (curve-codec.ts) so 10,000 rides aggregate in a few milliseconds.
 */
export interface AggregateCurve {
  /** best value per CURVE_SECONDS entry, in W or m/s; 0 where no workout was long enough */
  values: Float64Array;
  /** index into the input of the workout that set each value; −1 where there is none */
  owner: Int32Array;
}

const HEADER = 4;

export function aggregateCurves(kind: CurveKind, curves: readonly Uint8Array[]): AggregateCurve {
  const points = CURVE_SECONDS.length;
  const best = new Uint16Array(points);
  const owner = new Int32Array(points).fill(-1);
  for (let c = 0; c < curves.length; c++) {
    const bytes = curves[c];
    if (!bytes || bytes.length < HEADER || bytes[0] !== 1) continue;
    const count = Math.min(bytes[2] ?? 0, points, (bytes.length - HEADER) >> 1);
    for (let i = 0, at = HEADER; i < count; i++, at += 2) {
      const raw = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
      // Ties keep the earlier workout: the first to reach a best set it.
      if (raw > (best[i] ?? 0)) {
        best[i] = raw;
        owner[i] = c;
      }
    }
  }
  const scale = curveScale(kind);
  const values = new Float64Array(points);
  for (let i = 0; i < points; i++) values[i] = (best[i] ?? 0) / scale;
  return { values, owner };
}
