import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatCount, numberFormat } from "./intl";

describe("cached Intl formatters", () => {
  it("builds one formatter per locale and options and reuses it", () => {
    const a = numberFormat("en-US", { maximumFractionDigits: 1 });
    expect(numberFormat("en-US", { maximumFractionDigits: 1 })).toBe(a);
    expect(numberFormat("en-US", { maximumFractionDigits: 2 })).not.toBe(a);
    expect(numberFormat("de-DE", { maximumFractionDigits: 1 })).not.toBe(a);
    const d = dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" })).toBe(d);
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/Berlin" })).not.toBe(d);
  });

  it("formats exactly like the uncached Intl calls", () => {
    expect(numberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1234.56)).toBe((1234.56).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    expect(formatCount(3000)).toBe("3,000");
    const when = new Date("2026-05-02T07:12:00Z");
    expect(dateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(when)).toBe(new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(when));
  });

  it("throws for an unknown time zone and caches nothing", () => {
    expect(() => dateTimeFormat("en-GB", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en-GB", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
