import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoment, formatWorkoutDate } from "./date";

// 05:30 UTC on 1 January is 21:30 the evening before in Los Angeles and 06:30 in Berlin.
const AT = "2026-01-01T05:30:00Z";

describe("dates in the user's zone", () => {
  it("shows the same instant on the user's clock, whoever renders it", () => {
    expect(formatDateTime(AT, "America/Los_Angeles")).toBe("31 Dec 2025, 21:30");
    expect(formatDateTime(AT, "Europe/Berlin")).toBe("1 Jan 2026, 06:30");
    expect(formatDate(AT, "America/Los_Angeles")).toBe("31 Dec 2025");
    expect(formatDate(AT, "Asia/Tokyo")).toBe("1 Jan 2026");
    expect(formatWorkoutDate(AT, "America/New_York")).toBe("1 Jan 2026, 00:30");
    expect(formatWorkoutDate(AT, "America/Los_Angeles", "long")).toBe("Wednesday, 31 December 2025 at 21:30");
  });

  it("reads a missing or unknown zone as UTC, and an unreadable date as a dash", () => {
    expect(formatDateTime(AT, null)).toBe("1 Jan 2026, 05:30");
    expect(formatWorkoutDate(AT, "Not/AZone")).toBe("1 Jan 2026, 05:30");
    expect(formatDate("yesterday", "UTC")).toBe("—");
  });

  it("states an exact moment to the second with the zone's name", () => {
    expect(formatMoment("2026-05-02T05:12:05.400Z", "Europe/Berlin")).toBe("2 May 2026 at 07:12:05 CEST");
    expect(formatMoment("2026-01-15T23:59:59Z", "UTC")).toBe("15 Jan 2026 at 23:59:59 UTC");
    expect(formatMoment("2026-01-15T10:00:00Z", "Mars/Olympus")).toBe("15 Jan 2026 at 10:00:00 UTC");
  });
});
