import { describe, expect, it } from "vitest";
import type { ActivityFigures } from "./activity";
import { summaryStats, type PelotonReported } from "./workout-summary";

const figures: ActivityFigures = {
  durationSeconds: 1800, elapsedSeconds: 1800, distanceMeters: 8046.72, avgPower: null, maxPower: null, normalizedPower: null, intensityFactor: null, tss: null,
  avgHeartRate: 150, maxHeartRate: 170, avgCadence: null, maxCadence: null, ftp: null, workKj: null, calories: 400, legs: [],
};
// what Peloton reported for a member who uses miles: 10 mph average, 12 max, 328 ft of climbing
const reported: PelotonReported = { distanceUnit: "mi", avgResistance: null, maxResistance: null, avgSpeed: 10, maxSpeed: 12, speedUnit: "mph", elevation: 328, peloton: null };

const shown = (units: "metric" | "imperial", r: PelotonReported = reported) =>
  Object.fromEntries(summaryStats({ figures, discipline: "running", reported: r, ftpWatts: null, units }).map((s) => [s.key, `${s.value} ${s.unit ?? ""}`.trim()]));

describe("the workout summary in the user's units", () => {
  it("shows distance, speed and elevation in km, km/h and m for a metric user, whatever Peloton recorded in", () => {
    expect(shown("metric")).toMatchObject({ distance: "8.05 km", speed: "16.1 / 19.3 km/h", elevation: "100 m" });
  });

  it("and in mi, mph and ft for an imperial user", () => {
    expect(shown("imperial")).toMatchObject({ distance: "5.00 mi", speed: "10.0 / 12.0 mph", elevation: "328 ft" });
  });

  it("keeps a row's metres, the sport's own unit", () => {
    const row = summaryStats({ figures: { ...figures, distanceMeters: 2000 }, discipline: "caesar", reported: { ...reported, distanceUnit: "m" }, ftpWatts: null, units: "imperial" });
    expect(row.find((s) => s.key === "distance")).toMatchObject({ value: "2,000", unit: "m" });
  });
});
