import { describe, expect, it } from "vitest";
import { addDays, localDay, localDaysAround, resolveTimeZone, zonedLocalToUtc } from "./time-zone";

const utc = (local: string, zone: string) => zonedLocalToUtc(local, zone)?.toISOString();

describe("zonedLocalToUtc", () => {
  it.each([
    // TrainingPeaks' zone-less start in the athlete's zone (Denver, summer and winter)
    ["2026-05-02T07:12:05", "America/Denver", "2026-05-02T13:12:05.000Z"],
    ["2026-01-15T07:12:05", "America/Denver", "2026-01-15T14:12:05.000Z"],
    // crossing midnight: an evening ride in Denver is the next UTC day, an early one in Berlin the previous
    ["2026-01-15T21:40:00", "America/Denver", "2026-01-16T04:40:00.000Z"],
    ["2026-06-10T00:20:00", "Europe/Berlin", "2026-06-09T22:20:00.000Z"],
    // the DST change: the gap reads as the later offset, the repeated hour as its first pass
    ["2026-03-29T01:30:00", "Europe/Berlin", "2026-03-29T00:30:00.000Z"],
    ["2026-03-29T03:30:00", "Europe/Berlin", "2026-03-29T01:30:00.000Z"],
    ["2026-03-08T02:30:00", "America/Denver", "2026-03-08T09:30:00.000Z"],
    ["2026-11-01T01:30:00", "America/Denver", "2026-11-01T07:30:00.000Z"],
    // fractional seconds kept, zoned strings taken as they are
    ["2026-05-02T07:12:05.5", "America/Denver", "2026-05-02T13:12:05.500Z"],
    ["2026-05-02T07:12:05Z", "America/Denver", "2026-05-02T07:12:05.000Z"],
    ["2026-05-02T07:12:05+02:00", "America/Denver", "2026-05-02T05:12:05.000Z"],
  ])("reads %s in %s as %s", (local, zone, iso) => {
    expect(utc(local, zone)).toBe(iso);
  });

  it("refuses junk", () => {
    expect(zonedLocalToUtc("yesterday", "UTC")).toBeNull();
    expect(zonedLocalToUtc("2026-05-02", "UTC")).toBeNull();
  });
});

describe("resolveTimeZone", () => {
  it("accepts IANA names and aliases, falls back to UTC with the reason", () => {
    expect(resolveTimeZone("America/Denver")).toEqual({ timeZone: "America/Denver", fallback: null });
    expect(resolveTimeZone("UTC")).toEqual({ timeZone: "UTC", fallback: null });
    expect(resolveTimeZone(null)).toEqual({ timeZone: "UTC", fallback: "missing" });
    expect(resolveTimeZone("  ")).toEqual({ timeZone: "UTC", fallback: "missing" });
    expect(resolveTimeZone("Mars/Olympus_Mons")).toEqual({ timeZone: "UTC", fallback: "invalid" });
  });
});

describe("local days", () => {
  it("gives the athlete's calendar day of an instant", () => {
    const lateRide = new Date("2026-05-03T03:30:00Z");
    expect(localDay(lateRide, "America/Denver")).toBe("2026-05-02");
    expect(localDay(lateRide, "UTC")).toBe("2026-05-03");
    expect(localDay(new Date("2026-05-02T22:00:00Z"), "Europe/Berlin")).toBe("2026-05-03");
  });

  it("shifts days across month and year ends", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(() => addDays("soon", 1)).toThrow(RangeError);
  });
});

describe("localDaysAround", () => {
  it("is the athlete's local day and its neighbours, even when UTC is already on the next day", () => {
    // 05:30 UTC on the 3rd is 23:30 on the 2nd in Denver (UTC−6 in summer).
    expect(localDaysAround(new Date("2026-05-03T05:30:00Z"), "America/Denver")).toEqual({ start: "2026-05-01", end: "2026-05-03" });
    expect(localDaysAround(new Date("2026-05-03T05:30:00Z"), null)).toEqual({ start: "2026-05-02", end: "2026-05-04" });
  });
});
