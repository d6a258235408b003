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

/** Plot coordinates in whole tenths of a unit, so relative steps add up exactly to the absolute points. */
const tenths = (v: number) => Math.round(v * PLOT * 10);
const num = (t: number) => String(t / 10);

/**
 * An SVG path through `points` (in tenths): the first absolute, the rest as relative steps (`h`, `v`, `l`), and no
 * point that lies on a straight run between its neighbours (a flat week of rest, a steady line). The chart is drawn in
 * the page and again in its RSC payload, so this halves what a phone downloads for it (docs/quality.md, "sixth round").
 */
export function compactPath(points: readonly (readonly [number, number])[], close = false): string {
  const kept: (readonly [number, number])[] = [];
  for (const p of points) {
    const b = kept.at(-1);
    if (b && b[0] === p[0] && b[1] === p[1]) continue;
    const a = kept.at(-2);
    // b lies between a and p on one straight line: it adds nothing
    if (a && b && (b[0] - a[0]) * (p[1] - a[1]) === (b[1] - a[1]) * (p[0] - a[0]) && (b[0] - a[0]) * (p[0] - b[0]) + (b[1] - a[1]) * (p[1] - b[1]) >= 0) kept.pop();
    kept.push(p);
  }
  let d = "";
  kept.forEach(([x, y], i) => {
    const prev = kept[i - 1];
    if (!prev) d += `M${num(x)} ${num(y)}`;
    else if (y === prev[1]) d += `h${num(x - prev[0])}`;
    else if (x === prev[0]) d += `v${num(y - prev[1])}`;
    else d += `l${num(x - prev[0])}${y < prev[1] ? "" : " "}${num(y - prev[1])}`;
  });
  return d && close ? `${d}Z` : d;
}

export function pmcGeometry(rows: readonly PmcRow[]): PmcGeometry {
  const n = rows.length;
  const xAt = (i: number) => (n > 1 ? i / (n - 1) : 0.5);
  const x = rows.map((_, i) => xAt(i));
  const leftDomain = niceDomain(rows.flatMap((r) => [r.ctl, r.atl, r.tsb]), { zero: true, minStep: 1 });
  const rightDomain = niceDomain(rows.map((r) => r.load), { zero: true, nonNegative: true, minStep: 1 });
  const yOf = ([lo, hi]: readonly [number, number]) => (v: number) => (hi > lo ? (hi - v) / (hi - lo) : 0.5);
  const yLeft = yOf(leftDomain);
  const yRight = yOf(rightDomain);
  const line = (key: "ctl" | "atl" | "tsb") => compactPath(rows.map((r, i) => [tenths(xAt(i)), tenths(yLeft(r[key]))] as const));
  let load = "";
  if (n) {
    const base = tenths(yRight(rightDomain[0]));
    const step = n > 1 ? 1 / (n - 1) : 1;
    // stepAfter: a day's load holds until the next day (the last day is drawn as wide as the others, clipped by the box)
    const steps = rows.flatMap((r, i) => {
      const y = tenths(yRight(r.load));
      return [[tenths(xAt(i)), y], [tenths(Math.min(1, xAt(i) + step)), y]] as const;
    });
    load = compactPath([[tenths(xAt(0)), base], ...steps, [tenths(Math.min(1, xAt(n - 1) + step)), base]], true);
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
