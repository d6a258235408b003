import type { WeekVolume } from "@/lib/domain/dashboard";

export interface VolumeTotals {
  hours: number;
  outputKj: number;
  tss: number;
  workouts: number;
}

/** The sums over a run of weeks, as the weekly-volume panel prints them. */
export function sumWeeks(weeks: readonly WeekVolume[]): VolumeTotals {
  let seconds = 0;
  let outputKj = 0;
  let tss = 0;
  let workouts = 0;
  for (const w of weeks) {
    seconds += w.seconds;
    outputKj += w.outputKj;
    tss += w.tss;
    workouts += w.workouts;
  }
  return { hours: seconds / 3600, outputKj, tss, workouts };
}
