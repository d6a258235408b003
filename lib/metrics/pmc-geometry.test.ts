import { describe, expect, it } from "vitest";
import { pmcGeometry, rowAt } from "./pmc-geometry";
import type { PmcRow } from "./analytics-chart";

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
const rows: PmcRow[] = Array.from({ length: 91 }, (_, i) => ({ day: day(i), load: i % 7 === 6 ? 0 : 60 + (i % 3) * 20, ctl: 20 + i / 5, atl: 30 + (i % 10), tsb: -12 + (i % 25) }));

describe("PMC geometry", () => {
  it("spans the plot left to right, one x per day", () => {
    const g = pmcGeometry(rows);
    expect(g.x[0]).toBe(0);
    expect(g.x.at(-1)).toBe(1);
    expect(g.paths.ctl.match(/[ML]/g)).toHaveLength(91);
    expect(g.paths.ctl.startsWith("M0 ")).toBe(true);
  });

  it("puts form below zero under the zero line and the axes on round values", () => {
    const g = pmcGeometry(rows);
    expect(g.zeroY).not.toBeNull();
    const zero = g.zeroY ?? 0;
    const firstTsbY = Number(g.paths.tsb.split(/[ML]/)[1]?.split(" ")[1]) / 1000;
    expect(firstTsbY).toBeGreaterThan(zero); // −12 is drawn below the zero line (y grows downwards)
    expect(g.left.map((t) => t.value)).toContain(0);
    for (const t of [...g.left, ...g.right]) expect(Number.isInteger(t.value)).toBe(true);
    expect(g.right[0]).toEqual({ value: 0, y: 1 });
  });

  it("draws daily load as steps that hold each day's value until the next, down to the baseline", () => {
    const g = pmcGeometry(rows.slice(0, 3));
    // three days, x at 0, 500, 1000: each value holds for one day's width
    const points = g.paths.load.replace("Z", "").split(/[ML]/).filter(Boolean).map((p) => p.split(" ").map(Number));
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
