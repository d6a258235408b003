import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatCount, formatFixed, numberFormat } from "./intl";

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

describe("formatFixed (no Intl on the page)", () => {
  const intl = (value: number, d: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }).format(value);

  it("agrees with Intl on the edges: halves, carries, zeros, signs, grouping", () => {
    const values = [0, -0, 0.5, 1.5, 2.5, -0.5, -2.5, 1.005, 2.675, 0.045, 9.995, 99.95, 999.5, 999_999.5, 1234.5678, -1234.5678, 1e-7, -1e-7, 12_345_678.9, 1e14 + 0.5, 0.1 + 0.2];
    for (const v of values) for (const d of [0, 1, 2, 3]) expect(`${v}/${d}: ${formatFixed(v, d)}`).toBe(`${v}/${d}: ${intl(v, d)}`);
  });

  it("agrees with Intl on 20,000 random figures of every size the app shows", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 9 - 2);
      const v = (random() - 0.3) * magnitude;
      const d = i % 4;
      if (formatFixed(v, d) !== intl(v, d)) expect(`${v}/${d}: ${formatFixed(v, d)}`).toBe(`${v}/${d}: ${intl(v, d)}`);
    }
  });

  it("hands non-finite and huge values to Intl", () => {
    expect(formatFixed(Number.NaN)).toBe("NaN");
    expect(formatFixed(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(formatFixed(1e21, 0)).toBe(intl(1e21, 0));
    expect(formatCount(3_000)).toBe("3,000");
  });
});
