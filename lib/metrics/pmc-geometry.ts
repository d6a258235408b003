import { axisTicks, niceDomain } from "./chart-domain";
import { dayTickLabel, dayTicks, type PmcRow } from "./analytics-chart";

/**
 * The performance management chart as geometry (pure): paths in a 1000 × 1000 plot box that the page stretches to
 * its size (`preserveAspectRatio="none"`, strokes that do not scale), and axis ticks as fractions of that box, so the
 * server draws the whole chart and a phone runs no chart library to show it (components/charts/pmc-chart.tsx).
 * Fitness, fatigue and form share the left axis (zero included: form goes below it); daily load is a stepped area on
 * the right axis, as TrainingPeaks lays it out.
 */
export const PLOT = 1000;

export interface AxisTick {
  value: number;
  /** 0 at the top of the plot, 1 at the bottom */
  y: number;
}

export interface PmcGeometry {
  /** x of each row, 0–1 across the plot */
  x: number[];
  paths: { load: string; ctl: string; atl: string; tsb: string };
  /** y of the zero line (0–1), or null when zero is outside the left axis */
  zeroY: number | null;
  left: AxisTick[];
  right: AxisTick[];
  /** day ticks: x 0–1 and their label */
  bottom: { day: string; x: number; label: string }[];
}

const round = (v: number) => Math.round(v * 10) / 10;

export function pmcGeometry(rows: readonly PmcRow[]): PmcGeometry {
  const n = rows.length;
  const xAt = (i: number) => (n > 1 ? i / (n - 1) : 0.5);
  const x = rows.map((_, i) => xAt(i));
  const leftDomain = niceDomain(rows.flatMap((r) => [r.ctl, r.atl, r.tsb]), { zero: true, minStep: 1 });
  const rightDomain = niceDomain(rows.map((r) => r.load), { zero: true, nonNegative: true, minStep: 1 });
  const yOf = ([lo, hi]: readonly [number, number]) => (v: number) => (hi > lo ? (hi - v) / (hi - lo) : 0.5);
  const yLeft = yOf(leftDomain);
  const yRight = yOf(rightDomain);
  const line = (key: "ctl" | "atl" | "tsb") => rows.map((r, i) => `${i ? "L" : "M"}${round(xAt(i) * PLOT)} ${round(yLeft(r[key]) * PLOT)}`).join("");
  let load = "";
  if (n) {
    const base = round(yRight(rightDomain[0]) * PLOT);
    const step = n > 1 ? PLOT / (n - 1) : PLOT;
    load = `M${round(xAt(0) * PLOT)} ${base}`;
    rows.forEach((r, i) => {
      const y = round(yRight(r.load) * PLOT);
      const x0 = round(xAt(i) * PLOT);
      // stepAfter: a day's load holds until the next day (the last day is drawn as wide as the others, clipped by the box)
      load += `L${x0} ${y}L${round(Math.min(PLOT, x0 + step))} ${y}`;
    });
    load += `L${round(Math.min(PLOT, xAt(n - 1) * PLOT + step))} ${base}Z`;
  }
  const zero = yLeft(0);
  const days = rows.map((r) => r.day);
  const index = new Map(days.map((d, i) => [d, i]));
  const long = n > 45;
  return {
    x,
    paths: { load, ctl: line("ctl"), atl: line("atl"), tsb: line("tsb") },
    zeroY: leftDomain[0] < 0 && zero > 0 && zero < 1 ? zero : null,
    left: axisTicks(leftDomain, 5, 1).map((value) => ({ value, y: yLeft(value) })),
    right: axisTicks(rightDomain, 5, 1).map((value) => ({ value, y: yRight(value) })),
    bottom: dayTicks(days).map((day) => ({ day, x: xAt(index.get(day) ?? 0), label: dayTickLabel(day, long) })),
  };
}

/** The row under a pointer at `fraction` (0–1) across the plot. */
export function rowAt(fraction: number, count: number): number {
  if (count <= 1) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(fraction * (count - 1))));
}
