import { describe, expect, it } from "vitest";
import { compactPath, pmcGeometry, rowAt } from "./pmc-geometry";
import type { PmcRow } from "./analytics-chart";

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
const rows: PmcRow[] = Array.from({ length: 91 }, (_, i) => ({ day: day(i), load: i % 7 === 6 ? 0 : 60 + (i % 3) * 20, ctl: 20 + i / 5, atl: 30 + (i % 10), tsb: -12 + (i % 25) }));

/** The absolute points of a path written with M, L, h, v and l commands. */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, cmd, args] of d.replace(/Z$/, "").matchAll(/([MLhvl])([^MLhvl]*)/g)) {
    const nums = (args!.match(/-?[\d.]+/g) ?? []).map(Number);
    const [x, y] = points.at(-1) ?? [0, 0];
    if (cmd === "M" || cmd === "L") points.push([nums[0]!, nums[1]!]);
    else if (cmd === "h") points.push([x + nums[0]!, y]);
    else if (cmd === "v") points.push([x, y + nums[0]!]);
    else points.push([x + nums[0]!, y + nums[1]!]);
  }
  return points.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
}

/** The y of the polyline at x: its vertex there, or the segment that spans x. */
function yOnPath(points: [number, number][], x: number): number | null {
  const vertex = points.find(([px]) => Math.abs(px - x) <= 0.05);
  if (vertex) return vertex[1];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    if (x >= x0 - 1e-9 && x <= x1 + 1e-9) return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return null;
}

describe("PMC geometry", () => {
  it("draws every day's fitness, fatigue and form on its line, with fewer points where a line runs straight", () => {
    const g = pmcGeometry(rows);
    for (const key of ["ctl", "atl", "tsb"] as const) {
      const points = pathPoints(g.paths[key]);
      const [lo, hi] = [Math.min(...g.left.map((t) => t.value)), Math.max(...g.left.map((t) => t.value))];
      rows.forEach((r, i) => {
        const expected = ((hi - r[key]) / (hi - lo)) * 1000;
        expect(Math.abs(yOnPath(points, g.x[i]! * 1000)! - expected), `${key} day ${i}`).toBeLessThan(0.5); // tenths of a unit in a 1000-unit box
      });
    }
    // fitness rises by the same amount every day here: a straight line, but for rounding to tenths
    expect(pathPoints(g.paths.ctl).length).toBeLessThan(30);
    // a flat line is one segment
    expect(pathPoints(pmcGeometry(rows.map((r) => ({ ...r, ctl: 20 }))).paths.ctl)).toHaveLength(2);
    // fatigue climbs for ten days, then drops: a point where it turns, none in between
    expect(pathPoints(g.paths.atl).length).toBeGreaterThan(17);
    expect(pathPoints(g.paths.atl).length).toBeLessThan(40);
  });

  it("writes relative steps that add up to the absolute points, and drops points on a straight run", () => {
    expect(compactPath([[0, 1000], [55, 1000], [110, 1000], [110, 874], [165, 874], [220, 900]])).toBe("M0 100h11v-12.6h5.5l5.5 2.6");
    expect(pathPoints(compactPath([[0, 0], [33, 17], [66, 34], [99, 50], [99, 50]]))).toEqual([[0, 0], [6.6, 3.4], [9.9, 5]]);
    expect(compactPath([[0, 10], [10, 10], [10, 0]], true)).toBe("M0 1h1v-1Z");
    expect(compactPath([])).toBe("");
  });

  it("spans the plot left to right, one x per day", () => {
    const g = pmcGeometry(rows);
    expect(g.x[0]).toBe(0);
    expect(g.x.at(-1)).toBe(1);
    expect(g.paths.ctl.startsWith("M0 ")).toBe(true);
    expect(pathPoints(g.paths.ctl).at(-1)?.[0]).toBe(1000);
  });

  it("puts form below zero under the zero line and the axes on round values", () => {
    const g = pmcGeometry(rows);
    expect(g.zeroY).not.toBeNull();
    const zero = g.zeroY ?? 0;
    const firstTsbY = pathPoints(g.paths.tsb)[0]![1] / 1000;
    expect(firstTsbY).toBeGreaterThan(zero); // −12 is drawn below the zero line (y grows downwards)
    expect(g.left.map((t) => t.value)).toContain(0);
    for (const t of [...g.left, ...g.right]) expect(Number.isInteger(t.value)).toBe(true);
    expect(g.right[0]).toEqual({ value: 0, y: 1 });
  });

  it("draws daily load as steps that hold each day's value until the next, down to the baseline", () => {
    const g = pmcGeometry(rows.slice(0, 3));
    // three days, x at 0, 500, 1000: each value holds for one day's width
    const points = pathPoints(g.paths.load);
    expect(points[1]?.[0]).toBe(0);
    expect(points[2]?.[0]).toBe(500);
    expect(points[1]?.[1]).toBe(points[2]?.[1]);
    expect(points.at(-1)?.[1]).toBe(1000);
  });

  it("labels months on long ranges and days on short ones", () => {
    expect(pmcGeometry(rows).bottom.map((t) => t.label)).toEqual(["Jan ’26", "Feb ’26", "Mar ’26", "Apr ’26"]);
    expect(pmcGeometry(rows.slice(0, 10)).bottom[0]?.label).toBe("1 Jan");
  });

  it("survives one day and no days", () => {
    expect(pmcGeometry(rows.slice(0, 1)).x).toEqual([0.5]);
    expect(pmcGeometry([]).paths.ctl).toBe("");
  });

  it("finds the day under the pointer", () => {
    expect(rowAt(0, 91)).toBe(0);
    expect(rowAt(0.5, 91)).toBe(45);
    expect(rowAt(1.2, 91)).toBe(90);
    expect(rowAt(-0.1, 91)).toBe(0);
    expect(rowAt(0.3, 1)).toBe(0);
  });
});
