/**
 * Pace-based training stress (pure): TrainingPeaks' running TSS (rTSS) from normalized graded pace, and the same form
 * for rowing split.
 *
 * Grade. Running uphill costs more energy per metre. Minetti et al. (2002) measured the cost of running on a slope i
 * (rise over run) as C(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6 J/kg/m; a speed v on slope i is worth
 * v·C(i)/C(0) on the flat (its graded speed). Slopes are capped to ±30 %, where the polynomial stops describing
 * running. A Peloton Tread's incline is the slope the runner climbs, so a 1-hour walk at 12 % counts like a run.
 *
 * Normalization. As TrainingPeaks' NGP does for pace (and NP for power): the 30 s rolling average of graded speed,
 * raised to the 4th power, averaged, 4th root. A null speed (no reading) is skipped, as power.ts skips power gaps.
 *
 * Score. IF = NGP / threshold speed (faster than threshold → IF > 1); score = hours × IF² × 100, counting the
 * seconds with a speed reading. One hour at threshold pace scores 100.
 */
const MAX_GRADE = 0.3;
const WINDOW = 30;

export function minettiCost(grade: number): number {
  const i = Math.max(-MAX_GRADE, Math.min(MAX_GRADE, grade));
  return 155.4 * i ** 5 - 30.4 * i ** 4 - 43.3 * i ** 3 + 46.3 * i ** 2 + 19.5 * i + 3.6;
}

/** How much a metre at this grade (a fraction: 0.05 = 5 %) is worth on the flat. */
export function gradeFactor(grade: number): number {
  return minettiCost(Number.isFinite(grade) ? grade : 0) / minettiCost(0);
}

/** 1 Hz speeds (m/s) made flat-equivalent with 1 Hz grades in percent (null grade = flat). */
export function gradedSpeeds(speed: readonly (number | null)[], gradePercent?: readonly (number | null)[]): (number | null)[] {
  return speed.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return null;
    const g = gradePercent?.[i];
    return Math.max(0, v) * (typeof g === "number" && Number.isFinite(g) ? gradeFactor(g / 100) : 1);
  });
}

/** 4th-power mean of the 30 s rolling average of 1 Hz values (nulls skipped); null when shorter than 30 s. */
export function normalizedRollingMean(values: readonly (number | null)[]): number | null {
  if (values.length < WINDOW) return null;
  let sum = 0;
  let count = 0;
  let fourth = 0;
  let rolled = 0;
  for (let t = 0; t < values.length; t++) {
    const entering = values[t];
    if (entering !== null && entering !== undefined) {
      sum += entering;
      count++;
    }
    const leaving = t >= WINDOW ? values[t - WINDOW] : null;
    if (leaving !== null && leaving !== undefined) {
      sum -= leaving;
      count--;
    }
    if (count === 0) sum = 0;
    if (t >= WINDOW - 1 && count > 0) {
      const mean = sum > 0 ? sum / count : 0;
      const square = mean * mean;
      fourth += square * square; // not ** 4: see npOf in power.ts
      rolled++;
    }
  }
  return rolled ? (fourth / rolled) ** 0.25 : null;
}

/** Score from a normalized speed and a threshold speed (both m/s) over `seconds`. */
export function paceStress(input: { seconds: number; normalizedSpeed: number; thresholdSpeed: number }): { tss: number; intensity: number } | null {
  const { seconds, normalizedSpeed, thresholdSpeed } = input;
  if (!(seconds > 0) || !(normalizedSpeed > 0) || !(thresholdSpeed > 0)) return null;
  const intensity = normalizedSpeed / thresholdSpeed;
  return { tss: (seconds / 3600) * intensity ** 2 * 100, intensity };
}

/** Concept2's pace–power relation: watts = 2.80 / (seconds per metre)³; a 2:00 /500 m split is ≈ 203 W. */
export function rowingWattsForSplit(secondsPer500: number): number | null {
  if (!(secondsPer500 > 0)) return null;
  return 2.8 / (secondsPer500 / 500) ** 3;
}
