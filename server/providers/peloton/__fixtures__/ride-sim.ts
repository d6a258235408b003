/**
 * Deterministic second-by-second workout signals for fixtures and codec tests: a seeded PRNG and rough physics that
 * keep channels consistent (output ↔ cadence/resistance ↔ speed, pace ↔ speed, heart rate lagging effort), with the
 * noise real 1 s Peloton data shows (a few watts, a rpm or two, knob turns, a bpm).
 */
import { seededRandom } from "@/sandbox/shared/http";

export type Rng = () => number;

/** The simulators' seeded PRNG (mulberry32), so fixtures and simulator data come from one generator. */
export const seededRng: (seed: number) => Rng = seededRandom;

/** Standard normal (Box–Muller). */
export function gauss(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export const round = (value: number, decimals = 0) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Bike: watts ≈ cadence · 0.367 · e^(0.0379 · resistance) (≈150 W at 90 rpm / 40 %). */
export const bikeWatts = (cadence: number, resistance: number) => cadence * 0.367 * Math.exp(0.0379 * resistance);
export const bikeResistanceFor = (watts: number, cadence: number) => Math.log(Math.max(watts, 1) / (cadence * 0.367)) / 0.0379;
/** Virtual speed, mph: 2.0 · W^0.42 (150 W ≈ 16.4 mph). */
export const bikeMph = (watts: number) => (watts <= 0 ? 0 : 2 * watts ** 0.42);

export interface BikeBlock {
  seconds: number;
  /** target watts for the block */
  watts: number;
  cadence: number;
}

export interface BikeSignals {
  output: number[];
  cadence: number[];
  resistance: number[];
  mph: number[];
  heartRate: number[];
}

/** One value per second for a sequence of blocks (warm-up, intervals, recovery…). */
export function simulateBike(blocks: readonly BikeBlock[], rng: Rng, opts: { restingHr?: number; maxHr?: number } = {}): BikeSignals {
  const out: BikeSignals = { output: [], cadence: [], resistance: [], mph: [], heartRate: [] };
  let cadence = blocks[0]?.cadence ?? 80;
  let resistance = blocks[0] ? bikeResistanceFor(blocks[0].watts, cadence) : 30;
  let hr = opts.restingHr ?? 78;
  let drift = 0;
  for (const block of blocks) {
    const targetResistance = Math.min(85, Math.max(15, bikeResistanceFor(block.watts, block.cadence)));
    for (let s = 0; s < block.seconds; s++) {
      drift = 0.85 * drift + 0.6 * gauss(rng);
      cadence += 0.25 * (block.cadence + drift - cadence) + 0.8 * gauss(rng);
      // The knob moves in steps: chase the target, then small turns now and then.
      if (Math.abs(targetResistance - resistance) >= 1) resistance += Math.sign(targetResistance - resistance) * Math.min(4, Math.abs(targetResistance - resistance));
      else if (rng() < 0.03) resistance += rng() < 0.5 ? -1 : 1;
      const c = Math.max(0, Math.round(cadence));
      const r = Math.max(0, Math.min(100, Math.round(resistance)));
      const watts = Math.max(0, Math.round(bikeWatts(c, r) + 2.5 * gauss(rng)));
      const targetHr = (opts.restingHr ?? 78) + 0.42 * watts;
      hr += (Math.min(opts.maxHr ?? 186, targetHr) - hr) / 28 + 0.25 * gauss(rng);
      out.output.push(watts);
      out.cadence.push(c);
      out.resistance.push(r);
      out.mph.push(round(bikeMph(watts), 1));
      out.heartRate.push(Math.round(hr));
    }
  }
  return out;
}

/** Heart rate that follows an effort profile (0–1 per second). */
export function simulateHeartRate(effort: readonly number[], rng: Rng, resting = 72, max = 182): number[] {
  let hr = resting;
  return effort.map((e) => {
    hr += (resting + e * (max - resting) - hr) / 30 + 0.3 * gauss(rng);
    return Math.round(hr);
  });
}

/** Expand per-block values to one per second. */
export function perSecond<T>(blocks: readonly { seconds: number; value: T }[]): T[] {
  return blocks.flatMap((b) => Array.from({ length: b.seconds }, () => b.value));
}

/** Peloton's sample offsets for a duration at every_n: [1, 1+N, …] plus the duration itself as the last entry. */
export function sampleOffsets(durationSeconds: number, everyN: number): number[] {
  const out: number[] = [];
  for (let s = 1; s <= durationSeconds; s += everyN) out.push(s);
  if (out.at(-1) !== durationSeconds && durationSeconds > 0) out.push(durationSeconds);
  return out;
}

/** Downsample 1 s values to the offsets: each sample averages seconds offset … next offset − 1. */
export function atOffsets(values: readonly (number | null)[], offsets: readonly number[], decimals = 0): (number | null)[] {
  return offsets.map((offset, i) => {
    const from = offset - 1;
    const to = Math.max(from + 1, (offsets[i + 1] ?? offset + 1) - 1);
    const window = values.slice(from, to).filter((v): v is number => v !== null);
    return window.length ? round(window.reduce((a, b) => a + b, 0) / window.length, decimals) : null;
  });
}
