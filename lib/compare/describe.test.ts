import { describe, expect, it } from "vitest";
import { describeSeconds, describeStartDelta, formatDelta, formatMetricValue, metricLabels, sportLabel } from "./describe";

describe("formatMetricValue", () => {
  it("shows each metric in its unit and precision", () => {
    expect(formatMetricValue("durationSeconds", 7302)).toBe("2:01:42");
    expect(formatMetricValue("distanceMeters", 61190.3)).toBe("61.2 km");
    expect(formatMetricValue("normalizedPower", 196.5)).toBe("197 W");
    expect(formatMetricValue("intensityFactor", 0.741)).toBe("0.74");
    expect(formatMetricValue("tss", 111.49)).toBe("111.5");
    expect(formatMetricValue("avgHeartRate", 137.6)).toBe("138 bpm");
    expect(formatMetricValue("avgCadence", 87.9)).toBe("88 rpm");
    expect(formatMetricValue("tss", null)).toBe("—");
  });
});

describe("formatDelta", () => {
  it("signs ours − TrainingPeaks with a true minus and the percentage", () => {
    expect(formatDelta({ key: "durationSeconds", delta: -19, deltaPercent: -0.3 })).toBe("−0:19 (−0.3 %)");
    expect(formatDelta({ key: "normalizedPower", delta: 12.4, deltaPercent: 6.3 })).toBe("+12 W (+6.3 %)");
    expect(formatDelta({ key: "distanceMeters", delta: 1520, deltaPercent: 2.5 })).toBe("+1.5 km (+2.5 %)");
    expect(formatDelta({ key: "distanceMeters", delta: -0.4, deltaPercent: -0.1 })).toBe("0 m");
    expect(formatDelta({ key: "normalizedPower", delta: -0.4, deltaPercent: -0.2 })).toBe("0 W");
    expect(formatDelta({ key: "intensityFactor", delta: 0, deltaPercent: 0 })).toBe("0.00");
    expect(formatDelta({ key: "tss", delta: null, deltaPercent: null })).toBe("—");
  });
});

describe("words", () => {
  it("describes spans and lists of metrics", () => {
    expect(describeSeconds(-42)).toBe("42 s");
    expect(describeSeconds(300)).toBe("5 min");
    expect(describeSeconds(3900)).toBe("1 h 05 min");
    expect(describeSeconds(7200)).toBe("2 h");
    expect(metricLabels(["tss"])).toBe("TSS");
    expect(metricLabels(["avgPower", "normalizedPower", "tss"])).toBe("average power, NP and TSS");
    expect(describeStartDelta(0)).toBe("Same start time");
    expect(describeStartDelta(-90)).toBe("TrainingPeaks starts 1 min 30 s earlier");
    expect(describeStartDelta(12)).toBe("TrainingPeaks starts 12 s later");
    expect(sportLabel("fitnessEquipment")).toBe("Fitness equipment");
  });
});
