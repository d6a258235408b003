import { describe, expect, it } from "vitest";
import { describeScore, formatHours, formatThreshold } from "./score";

describe("score descriptions", () => {
  it("says how each score was computed and from which threshold", () => {
    const base = { tss: 50, intensity: 0.8, perHour: null, seconds: 3600 };
    expect(describeScore({ ...base, method: "power", threshold: { kind: "ftp", value: 222, source: "peloton" } }, "metric", "cycling")).toBe("Power TSS · FTP 222 W (Peloton)");
    expect(describeScore({ ...base, method: "pace", threshold: { kind: "run_pace", value: 3.7, source: "trainingpeaks" } }, "metric", "running")).toBe(
      "Pace TSS · threshold pace 4:30 /km (TrainingPeaks)",
    );
    expect(describeScore({ ...base, method: "heart_rate", threshold: { kind: "threshold_hr", value: 168, source: "manual" } }, "metric", "strength")).toBe(
      "Heart-rate TSS · threshold HR 168 bpm (you)",
    );
    expect(describeScore({ ...base, method: "estimate", intensity: null, threshold: null, perHour: 40 }, "metric", "strength")).toBe("Estimated TSS · 40 per hour of strength");
  });

  it("formats paces in the user's units and splits per 500 m", () => {
    expect(formatThreshold("run_pace", 3.7, "imperial")).toBe("7:15 /mi");
    expect(formatThreshold("row_split", 120, "metric")).toBe("2:00 /500 m");
  });
});

describe("totals", () => {
  it("formats durations in hours and minutes", () => {
    expect(formatHours(3900)).toBe("1 h 05 min");
    expect(formatHours(2700)).toBe("45 min");
  });
});
