import { describe, expect, it } from "vitest";
import { heartRateZoneInfo, zoneIndexOf } from "./hr-zones";

describe("heart-rate zones", () => {
  it("LTHR known: Friel's seven zones (LTHR 160: 0, 136, 144, 152, 160, 165, 171 bpm), drawn contiguously", () => {
    const info = heartRateZoneInfo({ maxHr: 190, lthr: 160 }, null, 1, null);
    expect(info?.method).toBe("lthr");
    expect(info?.zones.map((z) => [z.id, z.lower, z.upper])).toEqual([
      ["1", 0, 136],
      ["2", 136, 144],
      ["3", 144, 152],
      ["4", 152, 160],
      ["5a", 160, 165],
      ["5b", 165, 171],
      ["5c", 171, 190],
    ]);
    expect(info?.zones.map((z) => z.label)).toEqual([
      "Z1 < 136 bpm",
      "Z2 136–143 bpm",
      "Z3 144–151 bpm",
      "Z4 152–159 bpm",
      "Z5a 160–164 bpm",
      "Z5b 165–170 bpm",
      "Z5c ≥ 171 bpm",
    ]);
  });

  it("only max HR: five zones by % of max (max 200: 130, 150, 170, 190)", () => {
    const info = heartRateZoneInfo({ maxHr: 200, lthr: null }, null, 1, null);
    expect(info?.method).toBe("max_hr");
    expect(info?.zones.map((z) => z.lower)).toEqual([0, 130, 150, 170, 190]);
    expect(info?.zones.at(-1)?.upper).toBe(200);
  });

  it("counts seconds per zone; a reading between Friel's rounded bounds goes to the lower zone; nulls nowhere", () => {
    // LTHR 160: Z1 ≤ 134 by Friel, Z2 from 136: 135 is in Z1
    const values = [120, 135, 136, 150, null, 175];
    const info = heartRateZoneInfo({ maxHr: null, lthr: 160 }, values, 5, 175);
    expect(info?.zones.map((z) => z.seconds)).toEqual([10, 5, 5, 0, 0, 0, 5]);
    expect(info?.zones.at(-1)?.upper).toBe(176); // 110 % of LTHR beats the ride's max here
  });

  it("nothing known, no zones", () => {
    expect(heartRateZoneInfo({ maxHr: null, lthr: null }, [120], 1, 120)).toBeNull();
    expect(zoneIndexOf(50, [60, 70])).toBe(-1);
  });
});
