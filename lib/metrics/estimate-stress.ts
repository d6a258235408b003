/**
 * Estimated training stress for workouts with nothing to measure (pure): a score per hour by discipline, in line with
 * the values TrainingPeaks' coaches use for unmeasured sessions (an easy hour ≈ 30–50, threshold = 100). The estimate
 * is always labelled as such, and any measured score (power, pace, heart rate) replaces it.
 */
const PER_HOUR: Record<string, number> = {
  cycling: 50,
  bike_bootcamp: 55,
  running: 60,
  walking: 25,
  caesar: 55,
  caesar_bootcamp: 55,
  circuit: 55,
  cardio: 50,
  strength: 40,
  yoga: 20,
  stretching: 10,
  meditation: 0,
};

const DEFAULT_PER_HOUR = 40;

export function estimatedPerHour(discipline: string): number {
  return PER_HOUR[discipline] ?? DEFAULT_PER_HOUR;
}

export function estimatedStress(discipline: string, seconds: number): { tss: number; perHour: number } {
  const perHour = estimatedPerHour(discipline);
  return { tss: Number.isFinite(seconds) && seconds > 0 ? (perHour * seconds) / 3600 : 0, perHour };
}
