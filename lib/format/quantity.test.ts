import { describe, expect, it } from "vitest";
import { distanceIn, elevationIn, weightIn, formatDistance, formatElevation, formatPace, formatSpeed, paceSecondsIn, speedIn } from "./quantity";

describe("quantities in the user's unit system", () => {
  it("distance: km or mi, short distances in m or ft, nothing as a dash", () => {
    expect(formatDistance(12_345, "metric")).toBe("12.3 km");
    expect(formatDistance(16_093.44, "imperial")).toBe("10.0 mi");
    expect(formatDistance(42_195, "imperial", 2)).toBe("26.22 mi");
    expect(formatDistance(850, "metric")).toBe("850 m");
    expect(formatDistance(100, "imperial")).toBe("328 ft");
    expect(formatDistance(1_234_567, "metric")).toBe("1,234.6 km");
    expect(formatDistance(0, "metric")).toBe("—");
    expect(formatDistance(null, "imperial")).toBe("—");
    expect(distanceIn(5000, "imperial").unit).toBe("mi");
    expect(distanceIn(5000, "imperial").value).toBeCloseTo(3.10686, 5);
  });

  it("speed: km/h or mph", () => {
    expect(formatSpeed(10, "metric")).toBe("36.0 km/h");
    expect(formatSpeed(10, "imperial")).toBe("22.4 mph");
    expect(speedIn(0.44704, "imperial")).toEqual({ value: 1, unit: "mph" });
    expect(formatSpeed(undefined, "metric")).toBe("—");
  });

  it("pace: min/km or min/mi from a speed, to the second", () => {
    expect(formatPace(3.7, "metric")).toBe("4:30 /km");
    expect(formatPace(3.7, "imperial")).toBe("7:15 /mi");
    expect(formatPace(1000 / 300, "metric")).toBe("5:00 /km");
    expect(formatPace(0, "metric")).toBe("—");
    expect(paceSecondsIn(1609.344 / 480, "imperial")).toBeCloseTo(480, 9);
  });

  it("weight: kg or lb", () => {
    expect(weightIn(70, "metric")).toEqual({ value: 70, unit: "kg" });
    expect(weightIn(70, "imperial").value).toBeCloseTo(154.32, 2);
  });

  it("elevation: m or ft", () => {
    expect(formatElevation(120, "metric")).toBe("120 m");
    expect(formatElevation(120, "imperial")).toBe("394 ft");
    expect(elevationIn(0.3048, "imperial").value).toBeCloseTo(1, 9);
    expect(formatElevation(null, "imperial")).toBe("—");
  });
});
