import type { WeekVolume } from "@/lib/domain/dashboard";
import { niceStep } from "./chart-domain";

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

export type WeeklyMetric = "hours" | "outputKj" | "tss";

export const WEEKLY_UNIT: Record<WeeklyMetric, string> = { hours: "h", outputKj: "kJ", tss: "TSS" };

/** A week's value of one metric, as the chart draws it and its tooltip says it (hours to a tenth). */
export function weekValue(w: WeekVolume, metric: WeeklyMetric): number {
  return metric === "hours" ? Math.round((w.seconds / 3600) * 10) / 10 : w[metric];
}

export interface WeeklyBars {
  /** horizontal grid lines from 0 up, `y` as the fraction of the plot's height from its top */
  ticks: { value: number; y: number }[];
  bars: { week: string; value: number; height: number }[];
}

/**
 * The weekly volume chart's geometry: bars from 0 to a round top (a 1/2/5 step; hours may step by halves, the
 * others by whole numbers), heights as fractions of the plot. A run of empty weeks still gets an axis (0 to 1).
 */
export function weeklyBars(weeks: readonly WeekVolume[], metric: WeeklyMetric): WeeklyBars {
  const values = weeks.map((w) => weekValue(w, metric));
  const max = Math.max(0, ...values.filter(Number.isFinite)) || 1;
  const step = Math.max(niceStep(max / 5), metric === "hours" ? 0.5 : 1);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0; k * step <= top + 1e-9; k++) ticks.push(Math.round(k * step * 1e6) / 1e6);
  return {
    ticks: ticks.map((value) => ({ value, y: 1 - value / top })),
    bars: weeks.map((w, i) => ({ week: w.week, value: values[i] ?? 0, height: Math.max(0, (values[i] ?? 0) / top) })),
  };
}
