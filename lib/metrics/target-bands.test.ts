import { describe, expect, it } from "vitest";
import { classifyRange, clipSpans, powerZoneBands, rangeBands, speedTargetScale, zone7Cap } from "./target-bands";
import { powerZones } from "./zones";

const span = (start: number, end: number, zoneLower: number, zoneUpper = zoneLower) => ({ start, end, zoneLower, zoneUpper });

describe("power zone bands", () => {
  it("FTP 200: a Z4 span is drawn 181–210 W", () => {
    const [band] = powerZoneBands([span(0, 60, 4)], 200, null);
    expect(band).toMatchObject({ start: 0, end: 60, lower: 181, upper: 210, zone: 4, openUpper: false, label: "Z4 181–210 W" });
  });

  it("FTP 200: every zone is drawn over the watts the zone table gives it (Z7 up to the ride's max)", () => {
    const bands = powerZoneBands([1, 2, 3, 4, 5, 6, 7].map((z) => span(z * 10, z * 10 + 10, z)), 200, 350);
    expect(bands.map((b) => [b.lower, b.upper])).toEqual(powerZones(200).map((z) => [z.minWatts, z.maxWatts ?? 400]));
    expect(bands[6]?.upper).toBe(400);
  });

  it("a zone range 3–4 runs from the bottom of Z3 to the top of Z4 and is coloured as Z4", () => {
    const [band] = powerZoneBands([span(0, 60, 3, 4)], 200, null);
    expect(band).toMatchObject({ lower: 151, upper: 210, zone: 4, label: "Z3–4 151–210 W" });
  });

  it("Z7 is open: drawn up to 2 × FTP, or the ride's max when higher, and never counts as over", () => {
    expect(zone7Cap(200, null)).toBe(400);
    expect(zone7Cap(200, 512.4)).toBe(513);
    const [band] = powerZoneBands([span(0, 10, 7)], 200, 512.4);
    expect(band).toMatchObject({ lower: 301, upper: 513, openUpper: true, label: "Z7 301+ W" });
    expect(band?.classify(2000)).toBe(0);
    expect(band?.classify(301)).toBe(0); // 150.5 %: Z7 by the halfway rule
    expect(band?.classify(300)).toBe(-1);
  });

  it("classifies with powerZoneOf's edges, which the drawn range matches: FTP 250, Z4 is 227–263 W", () => {
    const [band] = powerZoneBands([span(0, 60, 4)], 250, null);
    expect(band).toMatchObject({ lower: 227, upper: 263 });
    expect([226, 227, 240, 263, 264].map((w) => band?.classify(w))).toEqual([-1, 0, 0, 0, 1]);
  });

  it("no FTP, no bands", () => {
    expect(powerZoneBands([span(0, 60, 4)], 0, null)).toEqual([]);
  });
});

describe("range bands", () => {
  const rpm = { unit: "rpm", decimals: 0, pace: false };
  it("are inclusive on both ends", () => {
    const [band] = rangeBands([{ start: 0, end: 60, lower: 80, upper: 90 }], rpm);
    expect(band?.label).toBe("80–90 rpm");
    expect([79, 80, 85, 90, 91].map((v) => band?.classify(v))).toEqual([-1, 0, 0, 0, 1]);
  });

  it("speed targets (mph) are converted for a kph channel", () => {
    expect(speedTargetScale("kph")).toBeCloseTo(1.609344);
    expect(speedTargetScale("mph")).toBe(1);
    const [band] = rangeBands([{ start: 0, end: 60, lower: 5, upper: 6 }], { unit: "kph", decimals: 1, pace: false }, speedTargetScale("kph"));
    expect(band).toMatchObject({ lower: 8, upper: 9.7, label: "8.0–9.7 kph" });
  });

  it("classifyRange tolerates float noise only", () => {
    expect(classifyRange(0.1 + 0.2, 0, 0.3)).toBe(0);
    expect(classifyRange(0.3001, 0, 0.3)).toBe(1);
  });

  it("clipSpans cuts spans at the end of the series and drops those after it", () => {
    expect(clipSpans([{ start: 0, end: 100 }, { start: 100, end: 300 }, { start: 300, end: 400 }], 250)).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 250 },
    ]);
  });
});
