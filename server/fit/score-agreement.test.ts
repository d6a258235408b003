import { describe, expect, it } from "vitest";
import { chooseFtp } from "@/lib/compare/ftp";
import { ourSide } from "@/lib/compare/ours";
import { NO_THRESHOLDS, type ResolvedThresholds } from "@/lib/domain/thresholds";
import { scoreActivity } from "@/lib/metrics/score";
import { decodeFit } from "./decode";
import { encodeFit } from "./encode";
import { pelotonWorkoutToActivity } from "./from-workout";

const t = (value: number) => ({ value, source: "trainingpeaks" as const, effectiveFrom: "2026-01-01", fallback: false });

function workout(discipline: string, channels: Record<string, (number | null)[]>, units: Record<string, string>, thresholds: ResolvedThresholds) {
  const length = channels[Object.keys(channels)[0] ?? ""]?.length ?? 0;
  return pelotonWorkoutToActivity({
    title: "30 min class",
    discipline,
    startTime: new Date("2026-03-02T07:00:00Z"),
    durationSeconds: length,
    ftp: 222,
    series: { intervalSeconds: 1, firstOffset: 1, length, channels, units },
    segments: [],
    summary: null,
    thresholds,
  });
}

describe("one score for the page, the FIT export and the comparison", () => {
  it("a Tread run with incline: the file's session TSS and the comparison's TSS are the page's pace TSS", () => {
    const n = 1800;
    const run = workout(
      "running",
      { speed: Array.from({ length: n }, (_, i) => 6 + (i % 300 < 60 ? 2 : 0)), incline: Array.from({ length: n }, (_, i) => (i < 900 ? 1 : 6)) },
      { speed: "mph" },
      { ...NO_THRESHOLDS, runPace: t(3.7), thresholdHr: t(168), maxHr: t(188) },
    );
    const score = scoreActivity(run);
    expect(score.method).toBe("pace");
    expect(decodeFit(encodeFit(run)).recorded?.tss).toBeCloseTo(score.tss, 1);
    expect(ourSide(run, chooseFtp({ workout: { watts: 222, source: "peloton" } })).metrics.tss).toBe(score.tss);
  });

  it("a ride scored with the FTP of its day (not the one Peloton recorded) says so everywhere", () => {
    const ride = workout("cycling", { output: Array.from({ length: 2400 }, (_, i) => 180 + (i % 60)) }, {}, { ...NO_THRESHOLDS, ftp: t(265) });
    expect(ride.ftp).toBe(265);
    const score = scoreActivity(ride);
    expect(score).toMatchObject({ method: "power", threshold: { kind: "ftp", value: 265, source: "trainingpeaks" } });
    const decoded = decodeFit(encodeFit(ride));
    expect(decoded.ftp).toBe(265);
    expect(decoded.recorded?.tss).toBeCloseTo(score.tss, 1);
    expect(ourSide(ride, chooseFtp({ workout: { watts: 265, source: "trainingpeaks" } })).metrics.tss).toBe(score.tss);
  });
});
