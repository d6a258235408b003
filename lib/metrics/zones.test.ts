import { describe, expect, it } from "vitest";
import { heartRateZones, powerZoneOf, powerZones } from "./zones";

describe("power zones", () => {
  it("FTP 200 gives the hand-checked Coggan ranges", () => {
    const z = powerZones(200);
    expect(z.map((x) => [x.minWatts, x.maxWatts])).toEqual([
      [0, 110],
      [112, 150],
      [152, 180],
      [182, 210],
      [212, 240],
      [242, 300],
      [302, null],
    ]);
  });

  it("FTP 265 (the demo athlete) puts threshold at 241–278 W", () => {
    const z4 = powerZones(265)[3];
    expect(z4).toMatchObject({ zone: 4, name: "Threshold", minWatts: 241, maxWatts: 278 });
  });

  it("classifies every wattage into exactly one zone, including the gaps between rounded bounds", () => {
    expect(powerZoneOf(110, 200)).toBe(1);
    expect(powerZoneOf(111, 200)).toBe(2);
    expect(powerZoneOf(150, 200)).toBe(2);
    expect(powerZoneOf(181, 200)).toBe(4);
    expect(powerZoneOf(210, 200)).toBe(4);
    expect(powerZoneOf(211, 200)).toBe(5);
    expect(powerZoneOf(1000, 200)).toBe(7);
    expect(powerZoneOf(null, 200)).toBeNull();
    expect(powerZoneOf(150, 0)).toBeNull();
  });

  it("returns nothing for a missing FTP", () => {
    expect(powerZones(0)).toEqual([]);
    expect(powerZones(Number.NaN)).toEqual([]);
  });
});

describe("heart-rate zones", () => {
  it("LTHR 168 gives Friel zones", () => {
    const z = heartRateZones(168);
    expect(z[1]).toMatchObject({ minBpm: 143, maxBpm: 150 });
    expect(z[4]).toMatchObject({ zone: "5a", minBpm: 168, maxBpm: 171 });
    expect(z[6]?.maxBpm).toBeNull();
  });
});
