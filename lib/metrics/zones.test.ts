import { describe, expect, it } from "vitest";
import { heartRateZones, powerZoneOf, powerZones } from "./zones";

describe("power zones", () => {
  it("FTP 200 gives Coggan ranges that tile: each zone starts one watt above the last one's top", () => {
    const z = powerZones(200);
    expect(z.map((x) => [x.minWatts, x.maxWatts])).toEqual([
      [0, 110],
      [111, 150],
      [151, 180],
      [181, 210],
      [211, 240],
      [241, 300],
      [301, null],
    ]);
  });

  it("FTP 265 (the demo athlete): 147 W is Z1 and 200 W is Z2, shown in those zones' ranges", () => {
    const z = powerZones(265);
    expect(z[0]).toMatchObject({ minWatts: 0, maxWatts: 147 });
    expect(z[1]).toMatchObject({ minWatts: 148, maxWatts: 200 });
    expect(z[3]).toMatchObject({ zone: 4, name: "Threshold", minWatts: 240, maxWatts: 279 });
    expect(powerZoneOf(147, 265)).toBe(1);
    expect(powerZoneOf(200, 265)).toBe(2);
  });

  it("every whole wattage falls in exactly one displayed range, and it is the zone powerZoneOf gives (FTP 50–450)", () => {
    for (let ftp = 50; ftp <= 450; ftp += 7) {
      const zones = powerZones(ftp);
      for (let w = 0; w <= 2 * ftp; w++) {
        const holding = zones.filter((z) => w >= z.minWatts && (z.maxWatts === null || w <= z.maxWatts));
        expect(holding.map((z) => z.zone), `FTP ${ftp}, ${w} W`).toEqual([powerZoneOf(w, ftp)]);
      }
    }
  });

  it("classifies at the halfway edges between whole percentages", () => {
    expect(powerZoneOf(110, 200)).toBe(1);
    expect(powerZoneOf(110.99, 200)).toBe(1);
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
  it("LTHR 168 gives Friel zones whose ranges tile", () => {
    const z = heartRateZones(168);
    expect(z.map((x) => [x.zone, x.minBpm, x.maxBpm])).toEqual([
      ["1", 0, 142],
      ["2", 143, 150],
      ["3", 151, 159],
      ["4", 160, 167],
      ["5a", 168, 172],
      ["5b", 173, 179],
      ["5c", 180, null],
    ]);
    for (let i = 1; i < z.length; i++) expect(z[i]?.minBpm).toBe((z[i - 1]?.maxBpm ?? 0) + 1);
  });
});
