import { describe, expect, it } from "vitest";
import { parseRange, previousRange } from "./ranges";

describe("date ranges", () => {
  it("last N days end today and include it", () => {
    expect(parseRange({ range: "30d" }, "2026-03-31").range).toEqual({ key: "30d", from: "2026-03-02", to: "2026-03-31", label: "Last 30 days" });
    expect(parseRange({ range: "all" }, "2026-03-31").range).toMatchObject({ from: null, label: "All time" });
    expect(parseRange({}, "2026-03-31").range.key).toBe("90d");
  });

  it("a custom range must be two real days in order; otherwise the default, with a note", () => {
    expect(parseRange({ range: "custom", from: "2025-01-01", to: "2025-06-30" }, "2026-03-31")).toEqual({
      range: { key: "custom", from: "2025-01-01", to: "2025-06-30", label: "2025-01-01 to 2025-06-30" },
      problem: null,
    });
    const bad = parseRange({ range: "custom", from: "2025-06-30", to: "2025-01-01" }, "2026-03-31");
    expect(bad.range.key).toBe("90d");
    expect(bad.problem).toMatch(/not two dates in order/);
    expect(parseRange({ range: "5y" }, "2026-03-31").problem).toBe("Unknown range; showing the default.");
  });

  it("the previous period has the same length and ends the day before", () => {
    const { range } = parseRange({ range: "30d" }, "2026-03-31");
    expect(previousRange(range, null)).toMatchObject({ from: "2026-01-31", to: "2026-03-01" });
    expect(previousRange({ key: "all", from: null, to: "2026-03-31", label: "" }, null)).toBeNull();
  });
});

describe("comparison ranges", () => {
  it("defaults to the period before; all time, the last year, none and a custom range on request", async () => {
    const { parseCompare } = await import("./ranges");
    const { range } = parseRange({ range: "90d" }, "2026-03-31");
    expect(parseCompare({}, range, "2026-03-31", null).range).toMatchObject({ from: "2025-10-03", to: "2025-12-31" });
    expect(parseCompare({ compare: "all" }, range, "2026-03-31", null).range).toMatchObject({ from: null, label: "all time" });
    expect(parseCompare({ compare: "none" }, range, "2026-03-31", null).range).toBeNull();
    expect(parseCompare({ compare: "custom", cfrom: "2025-01-01", cto: "2025-02-01" }, range, "2026-03-31", null).range).toMatchObject({ from: "2025-01-01", to: "2025-02-01" });
    expect(parseCompare({ compare: "custom", cfrom: "bad" }, range, "2026-03-31", null).key).toBe("previous");
  });
});
