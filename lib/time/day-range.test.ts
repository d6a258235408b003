import { describe, expect, it } from "vitest";
import { dayRangeSchema } from "./day-range";

describe("dayRangeSchema", () => {
  const range = dayRangeSchema(62, "choose at most two months");

  it("accepts a real range and refuses impossible days, reversed and too-long ranges with a sentence", () => {
    expect(range.safeParse({ start: "2026-05-01", end: "2026-05-31" }).success).toBe(true);
    const messages = (q: object) => range.safeParse(q).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ start: "2026-02-30", end: "2026-03-01" })).toEqual(["must be a real date as YYYY-MM-DD"]);
    expect(messages({ start: "2026-05-31", end: "2026-05-01" })).toEqual(["the start date must not be after the end date"]);
    expect(messages({ start: "2026-01-01", end: "2026-05-01" })).toEqual(["choose at most two months"]);
  });
});
