import { describe, expect, it } from "vitest";
import type { ThresholdEntry } from "@/lib/domain/thresholds";
import { newProviderEntries, rideFtpChanges } from "./provider-thresholds";

const stored = (over: Partial<ThresholdEntry>): ThresholdEntry => ({ id: "x", kind: "ftp", value: 265, effectiveFrom: "2026-01-10", source: "trainingpeaks", workoutId: null, ...over });

describe("provider thresholds", () => {
  it("Peloton's FTP history starts at each ride whose FTP differs from the ride before", () => {
    const changes = rideFtpChanges([
      { day: "2025-01-02", ftp: 182, workoutId: "a" },
      { day: "2025-01-05", ftp: 182, workoutId: "b" },
      { day: "2025-02-20", ftp: 190, workoutId: "c" },
      { day: "2025-02-20", ftp: 195, workoutId: "d" },
      { day: "2025-03-01", ftp: 195, workoutId: "e" },
    ]);
    expect(changes.map((c) => [c.effectiveFrom, c.value, c.workoutId])).toEqual([
      ["2025-01-02", 182, "a"],
      ["2025-02-20", 195, "d"],
    ]);
  });

  it("a TrainingPeaks value is noted on the day it was first seen to differ, and not again while it holds", () => {
    const snapshot = { trainingPeaks: { day: "2026-02-01", values: { ftp: 265, threshold_hr: 168, run_pace: 3.7, resting_hr: null } }, peloton: null, rideFtps: [] };
    expect(newProviderEntries([stored({})], snapshot).map((e) => [e.kind, e.value, e.effectiveFrom])).toEqual([
      ["threshold_hr", 168, "2026-02-01"],
      ["run_pace", 3.7, "2026-02-01"],
    ]);
    const changed = { ...snapshot, trainingPeaks: { day: "2026-02-01", values: { ftp: 270 } } };
    expect(newProviderEntries([stored({})], changed)).toEqual([{ kind: "ftp", value: 270, effectiveFrom: "2026-02-01", source: "trainingpeaks", workoutId: null }]);
  });

  it("only Peloton FTP changes not stored yet are added", () => {
    const rides = [
      { day: "2025-01-02", ftp: 182, workoutId: "a" },
      { day: "2025-02-20", ftp: 195, workoutId: "d" },
    ];
    const known = [stored({ source: "peloton", value: 182, effectiveFrom: "2025-01-02" })];
    expect(newProviderEntries(known, { trainingPeaks: null, peloton: { day: "2026-01-01", ftp: 195, maxHr: 184 }, rideFtps: rides })).toEqual([
      { kind: "ftp", value: 195, effectiveFrom: "2025-02-20", source: "peloton", workoutId: "d" },
      { kind: "max_hr", value: 184, effectiveFrom: "2026-01-01", source: "peloton", workoutId: null },
    ]);
    // An FTP changed in the Peloton app after the last ride is noted on the day it was seen.
    const changed = newProviderEntries(known, { trainingPeaks: null, peloton: { day: "2026-01-01", ftp: 205, maxHr: null }, rideFtps: rides });
    expect(changed.at(-1)).toEqual({ kind: "ftp", value: 205, effectiveFrom: "2026-01-01", source: "peloton", workoutId: null });
  });
});
