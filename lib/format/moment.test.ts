import { describe, expect, it } from "vitest";
import { formatMoment } from "./moment";

describe("formatMoment", () => {
  it("states the exact moment, to the second, with the zone", () => {
    expect(formatMoment("2026-05-02T05:12:05.400Z", "Europe/Berlin")).toBe("2 May 2026 at 07:12:05 CEST");
    expect(formatMoment("2026-01-15T23:59:59Z", "UTC")).toBe("15 Jan 2026 at 23:59:59 UTC");
  });

  it("falls back to UTC for a zone it doesn't know", () => {
    expect(formatMoment("2026-01-15T10:00:00Z", "Mars/Olympus")).toBe("15 Jan 2026 at 10:00:00 UTC");
  });
});
