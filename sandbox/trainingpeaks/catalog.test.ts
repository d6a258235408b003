import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, toZones } from "./athletes";
import { presentWorkout, WorkoutCatalog } from "./catalog";
import { formatDay, formatUtcTicks, localDay, localToUtc, parseDay } from "./dates";
import { speedForPower } from "./workouts";

const NOW = Date.UTC(2026, 4, 15, 18);
const catalog = (nowMs = NOW) => new WorkoutCatalog(nowMs, { publicUrl: "http://sim.test" });

describe("dates", () => {
  it("parses only real YYYY-MM-DD dates", () => {
    expect(formatDay(parseDay("2026-02-28") ?? 0)).toBe("2026-02-28");
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-01-01T00:00:00", ""]) expect(parseDay(bad), bad).toBeNull();
  });

  it("converts local wall-clock time to UTC across DST", () => {
    const winter = parseDay("2026-01-15") ?? 0;
    const summer = parseDay("2026-07-15") ?? 0;
    expect(new Date(localToUtc(winter, 7 * 3600, "America/Denver")).toISOString()).toBe("2026-01-15T14:00:00.000Z");
    expect(new Date(localToUtc(summer, 7 * 3600, "America/Denver")).toISOString()).toBe("2026-07-15T13:00:00.000Z");
    expect(formatDay(localDay(Date.UTC(2026, 4, 15, 3), "America/Denver"))).toBe("2026-05-14");
  });

  it("formats LastModifiedDate with seven fraction digits", () => {
    expect(formatUtcTicks(Date.UTC(2026, 4, 2, 10, 1, 44, 999), 1234567)).toBe("2026-05-02T10:01:44.1234567Z");
    expect(formatUtcTicks(Date.UTC(2026, 4, 2), 42)).toBe("2026-05-02T00:00:00.0000042Z");
  });
});

describe("zones", () => {
  it("derives contiguous zones from the demo thresholds", () => {
    const zones = toZones(DEMO_ATHLETES.demo);
    const power = zones.PowerZones.Default.Zones;
    expect(power).toHaveLength(7);
    power.slice(1).forEach((zone, index) => expect(zone.Minimum).toBe((power[index]?.Maximum ?? 0) + 1));
    expect(zones.HeartRateZones.Default.Zones[0]?.Minimum).toBe(48);
    expect(zones.HeartRateZones.Default.Zones.at(-1)?.Maximum).toBe(188);
    const speed = zones.SpeedZones.Run.Zones;
    expect(speed.find((zone) => zone.Label.startsWith("4"))?.Maximum).toBe(3.7);
  });
});

describe("WorkoutCatalog", () => {
  it("gives a date the same workouts whatever day the simulator started", () => {
    const a = catalog().listRange(DEMO_ATHLETES.demo.id, "2026-04-01", "2026-04-30");
    const b = catalog(NOW + 9 * 86_400_000).listRange(DEMO_ATHLETES.demo.id, "2026-04-01", "2026-04-30");
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it("covers about 120 days of history and 10 planned days", () => {
    const all = catalog().listRange(DEMO_ATHLETES.demo.id, "2000-01-01", "2100-01-01");
    const days = all.map((w) => w.WorkoutDay.slice(0, 10));
    expect((days[0] ?? "") <= "2026-01-20").toBe(true);
    expect(days.at(-1) ?? "").toMatch(/^2026-05-2[0-5]$/);
    expect(new Set(all.map((w) => w.Id)).size).toBe(all.length);
  });

  it("keeps athletes apart and scales power with FTP", () => {
    const c = catalog();
    const avgIf = (id: number, ftp: number) => {
      const rides = c.listRange(id, "2026-03-01", "2026-05-14").filter((w) => w.NormalizedPower !== null);
      return rides.reduce((sum, w) => sum + (w.NormalizedPower ?? 0) / ftp, 0) / rides.length;
    };
    expect(avgIf(DEMO_ATHLETES.demo.id, 265)).toBeGreaterThan(0.6);
    expect(avgIf(DEMO_ATHLETES.demo.id, 265)).toBeLessThan(0.9);
    expect(avgIf(DEMO_ATHLETES.climber.id, 310)).toBeGreaterThan(0.6);
    expect(c.find(DEMO_ATHLETES.climber.id, c.listRange(DEMO_ATHLETES.demo.id, "2026-05-01", "2026-05-14")[0]?.Id ?? 0)).toBeUndefined();
  });

  it("leaves premium fields out for basic athletes only, and every absent value out for everyone", () => {
    const [w] = catalog().listRange(DEMO_ATHLETES.basic.id, "2026-05-01", "2026-05-14").filter((x) => x.Completed);
    if (!w) throw new Error("expected a completed workout");
    expect(w.HeartRateAverage).not.toBeNull();
    const shown = presentWorkout(w, DEMO_ATHLETES.basic, false);
    expect("HeartRateAverage" in shown).toBe(false);
    expect("TssActual" in shown).toBe(false);
    expect(shown.TotalTime).toBe(w.TotalTime);
    expect(Object.values(shown)).not.toContain(null);
    expect(presentWorkout(w, DEMO_ATHLETES.demo, true).HeartRateAverage).toBe(w.HeartRateAverage);
  });
});

describe("speedForPower", () => {
  it("gives plausible flat-road speeds", () => {
    expect(speedForPower(200, 81) * 3.6).toBeGreaterThan(30);
    expect(speedForPower(200, 81) * 3.6).toBeLessThan(40);
  });
});
