/**
 * Heart-rate training stress (pure): Banister's exponential TRIMP, scaled so that one hour at threshold heart rate
 * scores 100 (the "HRSS" of intervals.icu and Elevate, TrainingPeaks' hrTSS idea without its zone table).
 *
 *   HRr   = (HR − resting) / (max − resting)                 heart-rate reserve fraction, 0 below resting
 *   TRIMP = Σ minutes × HRr × 0.64 × e^(1.92 × HRr)           per second of reading
 *   score = TRIMP / TRIMP(60 minutes at LTHR) × 100
 *
 * 1.92 is Banister's constant for men; women's (1.67) gives a slightly lower weighting of hard efforts. AutoCoach does
 * not ask for sex, so every score uses 1.92; as both ends of the ratio use it, the effect is small near threshold.
 * Readings of 0 (strap artefacts) and nulls (dropouts) count as no data, so a dropout adds no stress.
 */
export const TRIMP_K = 1.92;
/** Stands in when no resting HR is known; the score says so. */
export const DEFAULT_RESTING_HR = 60;

function weight(hrr: number): number {
  const r = Math.max(0, Math.min(1.2, hrr));
  return r * 0.64 * Math.exp(TRIMP_K * r);
}

/** Banister TRIMP of evenly spaced readings `intervalSeconds` apart. */
export function trimp(heartRate: readonly (number | null)[], hr: { max: number; resting: number }, intervalSeconds = 1): number {
  const reserve = hr.max - hr.resting;
  if (!(reserve > 0)) return 0;
  let total = 0;
  for (const bpm of heartRate) {
    if (bpm === null || !Number.isFinite(bpm) || bpm <= 0) continue;
    total += (intervalSeconds / 60) * weight((bpm - hr.resting) / reserve);
  }
  return total;
}

export interface HeartRateStress {
  tss: number;
  /** the intensity factor with the same score over the same time: √(score / 100 / hours) */
  intensity: number;
  seconds: number;
}

export function heartRateStress(heartRate: readonly (number | null)[], hr: { threshold: number; max: number; resting: number }): HeartRateStress | null {
  const { threshold, max, resting } = hr;
  if (!(threshold > resting) || !(max > threshold)) return null;
  const seconds = heartRate.reduce<number>((n, v) => (v !== null && Number.isFinite(v) && v > 0 ? n + 1 : n), 0);
  if (seconds === 0) return null;
  const hourAtThreshold = 60 * weight((threshold - resting) / (max - resting));
  const total = trimp(heartRate, { max, resting });
  const tss = (total / hourAtThreshold) * 100;
  const intensity = Math.sqrt(tss / 100 / (seconds / 3600));
  return { tss, intensity, seconds };
}
