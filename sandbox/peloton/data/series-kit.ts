import type { TargetBlock, WorkoutHeader } from "./types";

/** Per-second samples of one workout (index 0 = second 1). NaN marks a missing sample (JSON null). */
export interface Series {
  n: number;
  output?: Float64Array;
  cadence?: Float64Array;
  resistance?: Float64Array;
  speed?: Float64Array;
  pace?: Float64Array;
  incline?: Float64Array;
  altitude?: Float64Array;
  strokeRate?: Float64Array;
  splitPace?: Float64Array;
  heartRate?: Float64Array;
  /** Cumulative distance in display units (mi/km; metres for rowing). */
  distance?: Float64Array;
  lat?: Float64Array;
  lon?: Float64Array;
  calories: number;
}

export type Rng = () => number;
export const arr = (n: number) => new Float64Array(n);
/** Roughly standard-normal noise, cheaply (two uniforms). */
export const gauss = (rng: Rng) => (rng() + rng() - 1) * 2.45;
export const mid = (r: readonly [number, number] | undefined, fallback: number) => (r ? (r[0] + r[1]) / 2 : fallback);

/** The target block active at each recorded second (video time = pedalingStart + s). */
export function blocksBySecond(header: WorkoutHeader): Array<TargetBlock | undefined> {
  const { targets, pedalingStart } = header.plan;
  const out = new Array<TargetBlock | undefined>(header.recorded);
  let b = 0;
  for (let s = 0; s < header.recorded; s++) {
    const t = pedalingStart + s;
    while (b < targets.length && (targets[b]?.end ?? 0) < t) b++;
    const block = targets[b];
    out[s] = block && block.start <= t ? block : undefined;
  }
  return out;
}

