import { describe, expect, it } from "vitest";
import type { ThresholdEntry, ThresholdKind, ThresholdSource } from "@/lib/domain/thresholds";
import { scoreInputsKey, thresholdResolver } from "./thresholds-at";

let n = 0;
const entry = (kind: ThresholdKind, value: number, effectiveFrom: string, source: ThresholdSource): ThresholdEntry => ({ id: String(n++), kind, value, effectiveFrom, source, workoutId: null });

const history: ThresholdEntry[] = [
  entry("ftp", 182, "2024-02-01", "peloton"),
  entry("ftp", 200, "2024-09-01", "peloton"),
  entry("ftp", 265, "2026-01-10", "trainingpeaks"),
  entry("ftp", 240, "2025-06-01", "ftp_test"),
  entry("threshold_hr", 168, "2026-01-10", "trainingpeaks"),
  entry("threshold_hr", 172, "2025-01-01", "manual"),
  entry("max_hr", 184, "2024-02-01", "peloton"),
  entry("max_hr", 188, "2024-02-01", "trainingpeaks"),
];

describe("thresholds in force on a day", () => {
  it("Peloton source: the ride's own FTP first, else Peloton's dated FTP in force, else its first", () => {
    const r = thresholdResolver({ entries: history, ftpSource: "peloton" });
    expect(r.on("2025-03-01", 215).ftp).toEqual({ value: 215, source: "peloton", effectiveFrom: "2025-03-01", fallback: false });
    expect(r.on("2025-03-01").ftp).toMatchObject({ value: 200, effectiveFrom: "2024-09-01", fallback: false });
    expect(r.on("2024-08-31").ftp).toMatchObject({ value: 182 });
    expect(r.on("2023-05-01").ftp).toMatchObject({ value: 182, effectiveFrom: "2024-02-01" });
  });

  it("TrainingPeaks source: its first known FTP stands for the past as well", () => {
    const r = thresholdResolver({ entries: history, ftpSource: "trainingpeaks" });
    expect(r.on("2024-05-01", 190).ftp).toMatchObject({ value: 265, source: "trainingpeaks", fallback: false });
  });

  it("manual source: your values from their day on; before them Peloton's, marked as standing in", () => {
    const r = thresholdResolver({ entries: history, ftpSource: "manual" });
    expect(r.on("2025-06-01", 205).ftp).toMatchObject({ value: 240, source: "ftp_test", fallback: false });
    expect(r.on("2025-05-31", 205).ftp).toMatchObject({ value: 205, source: "peloton", fallback: true });
    expect(r.on("2025-05-31").ftp).toMatchObject({ value: 200, source: "peloton", fallback: true });
  });

  it("a source with no FTP at all falls back to the others", () => {
    const onlyTp = history.filter((e) => e.source === "trainingpeaks");
    expect(thresholdResolver({ entries: onlyTp, ftpSource: "peloton" }).on("2025-01-01").ftp).toMatchObject({ value: 265, source: "trainingpeaks", fallback: true });
    expect(thresholdResolver({ entries: [], ftpSource: "manual" }).on("2025-01-01").ftp).toBeNull();
  });

  it("heart rates: your value from its day on, else the providers' (TrainingPeaks wins a tie), else the first known", () => {
    const r = thresholdResolver({ entries: history, ftpSource: "peloton" });
    expect(r.on("2025-02-01").thresholdHr).toMatchObject({ value: 172, source: "manual" });
    expect(r.on("2024-12-31").thresholdHr).toMatchObject({ value: 172, source: "manual", effectiveFrom: "2025-01-01" });
    expect(r.on("2024-03-01").maxHr).toMatchObject({ value: 188, source: "trainingpeaks" });
    expect(r.on("2024-03-01").runPace).toBeNull();
  });

  it("a score's inputs key changes with the thresholds its discipline uses, not with the others", () => {
    const r = thresholdResolver({ entries: history, ftpSource: "peloton" });
    const before = r.on("2025-03-01");
    const after = { ...before, ftp: before.ftp && { ...before.ftp, value: 201 } };
    expect(scoreInputsKey("cycling", after)).not.toBe(scoreInputsKey("cycling", before));
    expect(scoreInputsKey("strength", after)).toBe(scoreInputsKey("strength", before));
    expect(scoreInputsKey("strength", { ...before, thresholdHr: null })).not.toBe(scoreInputsKey("strength", before));
  });
});
