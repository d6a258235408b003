import { describe, expect, it } from "vitest";
import { displayUnit, readingOf } from "./channel-meta";

describe("channel readings", () => {
  it("zero pace and zero heart rate are no reading; zero watts, rpm and speed are real", () => {
    expect(readingOf("pace", 0)).toBeNull();
    expect(readingOf("split_pace", -1)).toBeNull();
    expect(readingOf("heart_rate", 0)).toBeNull();
    expect(readingOf("output", 0)).toBe(0);
    expect(readingOf("cadence", 0)).toBe(0);
    expect(readingOf("speed", 0)).toBe(0);
    expect(readingOf("output", Number.NaN)).toBeNull();
  });

  it("display units", () => {
    expect(displayUnit("output", "watts")).toBe("W");
    expect(displayUnit("speed", "kph")).toBe("kph");
    expect(displayUnit("cadence", undefined)).toBe("rpm");
  });
});
