import { describe, expect, it } from "vitest";
import { describeDurations, disciplineLabel, formatDuration, ftpSourceLabel } from "./display";

describe("format", () => {
  it("durations", () => {
    expect(formatDuration(45)).toBe("0:45");
    expect(formatDuration(1800)).toBe("30:00");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("—");
  });
  it("disciplines", () => {
    expect(disciplineLabel("caesar")).toBe("Rowing");
    expect(disciplineLabel("new_thing")).toBe("New Thing");
  });
});

describe("ftpSourceLabel", () => {
  it("reads Peloton's workout and profile forms alike and keeps text it doesn't know", () => {
    expect(ftpSourceLabel("ftp_workout_source")).toBe("from an FTP test");
    expect(ftpSourceLabel("workout")).toBe("from an FTP test");
    expect(ftpSourceLabel("ftp_manual_source")).toBe("manual entry × 95 %");
    expect(ftpSourceLabel("current Peloton FTP")).toBe("current Peloton FTP");
  });
});

describe("describeDurations", () => {
  it("says what each duration is: the class, the recorded timer time, and start to finish when it differs", () => {
    expect(describeDurations({ classSeconds: 2700, recordedSeconds: 2700, elapsedSeconds: 2847 })).toBe("45:00 class · 45:00 recorded · 47:27 start to finish");
    expect(describeDurations({ classSeconds: 2700, recordedSeconds: 2712, elapsedSeconds: 2730 })).toBe("45:00 class · 45:12 recorded");
    expect(describeDurations({ classSeconds: null, recordedSeconds: 1500, elapsedSeconds: null })).toBe("25:00 recorded");
    expect(describeDurations({ classSeconds: null, recordedSeconds: null, elapsedSeconds: null })).toBe("—");
  });
});
