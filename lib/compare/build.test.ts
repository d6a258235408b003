import { describe, expect, it } from "vitest";
import { basicTpActivity, ourMetrics, RIDE_START, tpActivity } from "./__fixtures__/activities";
import { buildComparison, type BuildComparisonInput, type TrainingPeaksSide } from "./build";
import { chooseFtp } from "./ftp";
import { METRIC_KEYS } from "./metrics";

const searched = { start: "2026-05-01", end: "2026-05-03" };

function input(trainingPeaks: TrainingPeaksSide, over: Partial<BuildComparisonInput> = {}): BuildComparisonInput {
  return {
    ours: { metrics: ourMetrics(), startTime: RIDE_START, sport: "cycling", title: "Morning ride", device: "garmin edge1040" },
    ftp: chooseFtp({ file: 265 }),
    trainingPeaks,
    ...over,
  };
}

const premium = (activities = [tpActivity()], extra: Partial<Extract<TrainingPeaksSide, { status: "ok" }>> = {}): TrainingPeaksSide => ({
  status: "ok",
  activities,
  timeZone: "America/Denver",
  thresholdFtp: 265,
  isPremium: true,
  searched,
  ...extra,
});

const kinds = (r: ReturnType<typeof buildComparison>) => r.notes.map((n) => n.kind);

describe("buildComparison", () => {
  it("says how many TrainingPeaks workouts could not be read, and still matches the rest", () => {
    const report = buildComparison(input(premium([tpActivity()], { unreadable: 2 })));
    expect(report.comparison.match).not.toBeNull();
    expect(report.notes.find((n) => n.kind === "unreadable")?.message).toBe(
      "2 TrainingPeaks workouts on the days searched could not be read (TrainingPeaks sent them incomplete) and were left out of the match.",
    );
  });

  it("returns exactly the --json contract for a matched premium workout", () => {
    const report = buildComparison(input(premium()));
    expect(Object.keys(report.comparison)).toEqual(["ours", "trainingpeaks", "match"]);
    expect(Object.keys(report.comparison.ours)).toEqual([...METRIC_KEYS]);
    expect(Object.keys(report.comparison.trainingpeaks ?? {})).toEqual([...METRIC_KEYS]);
    expect(report.comparison).toEqual({
      ours: { durationSeconds: 7302, distanceMeters: 61190.3, avgPower: 181.6, maxPower: 515, normalizedPower: 196.5, intensityFactor: 0.741, tss: 111.5, avgHeartRate: 137.6, avgCadence: 87.9, ftp: 265 },
      trainingpeaks: { durationSeconds: 7308, distanceMeters: 61234.5, avgPower: 182, maxPower: 512, normalizedPower: 197, intensityFactor: 0.74, tss: 118.4, avgHeartRate: 138, avgCadence: 88, ftp: 265 },
      match: { workoutId: "3518400833", startTimeDeltaSeconds: 0 },
    });
    expect(report.match).toMatchObject({ title: "Endurance ride", type: "Bike", url: "https://app.trainingpeaks.com/workout/3518400833", startTimeLocal: "2026-05-02T07:12:05", startTime: "2026-05-02T13:12:05.000Z" });
    expect(report.trainingPeaks).toEqual({ status: "matched", timeZone: "America/Denver", searched });
    expect(report.differing).toBe(1);
    expect(report.rows.find((r) => r.flag === "differs")?.key).toBe("tss");
    expect(kinds(report)).toEqual(["ftp"]);
    expect(report.notes[0]?.message).toBe("Our IF and TSS use an FTP of 265 W (from the FIT file).");
  });

  it("ours always carries the FTP actually used", () => {
    const report = buildComparison(input(premium(), { ours: { ...input(premium()).ours, metrics: ourMetrics({ ftp: null }) }, ftp: chooseFtp({ explicit: 250, file: 265 }) }));
    expect(report.comparison.ours.ftp).toBe(250);
    expect(report.ftp).toEqual({ watts: 250, source: "explicit", label: "entered by you" });
  });

  it("says when TrainingPeaks returned nulls for a basic athlete", () => {
    const report = buildComparison(input(premium([basicTpActivity()], { isPremium: false })));
    expect(report.comparison.trainingpeaks).toMatchObject({ durationSeconds: 7308, distanceMeters: 61234.5, normalizedPower: null, tss: null, intensityFactor: null, avgPower: null, ftp: 265 });
    expect(report.comparison.match).toEqual({ workoutId: "3518400833", startTimeDeltaSeconds: 0 });
    const note = report.notes.find((n) => n.kind === "basic_athlete");
    expect(note?.message).toMatch(/^TrainingPeaks returned no power, heart rate or TSS: basic \(free\) TrainingPeaks athletes get null NP, TSS, IF/);
    expect(report.rows.filter((r) => r.flag === "missing_tp").map((r) => r.key)).toEqual(["avgPower", "maxPower", "normalizedPower", "intensityFactor", "tss", "avgHeartRate", "avgCadence"]);
    expect(report.differing).toBe(0);
    // With IF null TrainingPeaks scored nothing, so there is no FTP disagreement to report.
    expect(kinds(report)).not.toContain("ftp_mismatch");
  });

  it("names the values TrainingPeaks lacks when only some are null", () => {
    const report = buildComparison(input(premium([tpActivity({ tss: null, intensityFactor: null })])));
    expect(report.notes.find((n) => n.kind === "missing_values")?.message).toBe("TrainingPeaks has no IF and TSS for this workout.");
  });

  it("explains a missing match: the nearest same-sport workout and a different sport at the same time", () => {
    const report = buildComparison(input(premium([tpActivity({ id: "run", type: "Run", title: "Tempo" }), tpActivity({ id: "late", startTimeLocal: "2026-05-02T07:54:05", title: "Spin" })])));
    expect(report.comparison.trainingpeaks).toBeNull();
    expect(report.comparison.match).toBeNull();
    expect(report.trainingPeaks.status).toBe("no_match");
    expect(report.notes.find((n) => n.kind === "no_match")?.message).toBe(
      "No TrainingPeaks workout between 2026-05-01 and 2026-05-03 starts within 5 min of this one with a matching type. “Tempo” starts 0 s apart but is a Run workout, not cycling. The nearest Bike workout, “Spin”, starts 42 min later.",
    );
    expect(report.rows.every((r) => r.flag === "missing_tp" || r.trainingpeaks === null)).toBe(true);
  });

  it("says when there is nothing on those days", () => {
    const report = buildComparison(input(premium([tpActivity({ completed: false, startTimeLocal: null })], { searched: { start: "2026-05-02", end: "2026-05-02" } })));
    expect(report.notes.find((n) => n.kind === "no_match")?.message).toBe("No completed TrainingPeaks workout on 2026-05-02, so there is nothing to compare with.");
  });

  it("still reports ours when TrainingPeaks is unavailable, with the reason", () => {
    const report = buildComparison(input({ status: "unavailable", reason: "TrainingPeaks is not responding. Try again shortly." }));
    expect(report.comparison).toEqual({ ours: expect.objectContaining({ normalizedPower: 196.5, ftp: 265 }), trainingpeaks: null, match: null });
    expect(report.notes[0]).toEqual({ kind: "trainingpeaks", tone: "warn", message: "TrainingPeaks is not responding. Try again shortly." });
    expect(report.trainingPeaks).toEqual({ status: "unavailable", timeZone: null, searched: null });
  });

  it("warns that times were read as UTC when the athlete's zone is unknown", () => {
    const report = buildComparison(input(premium([tpActivity({ startTimeLocal: "2026-05-02T13:12:05" })], { timeZone: null })));
    expect(report.comparison.match).toEqual({ workoutId: "3518400833", startTimeDeltaSeconds: 0 });
    expect(report.notes[0]?.kind).toBe("time_zone");
    expect(report.notes[0]?.message).toMatch(/no time zone.*read as UTC/);
    expect(buildComparison(input(premium([], { timeZone: "Not/AZone" }))).notes[0]?.message).toMatch(/“Not\/AZone” is not a time zone we know/);
  });

  it("points out that TrainingPeaks scored with another FTP", () => {
    const report = buildComparison(input(premium([tpActivity({ intensityFactor: 0.79, tss: 126.7 })]), { ftp: chooseFtp({ file: 265 }) }));
    expect(report.comparison.trainingpeaks?.ftp).toBe(249);
    expect(report.notes.find((n) => n.kind === "ftp_mismatch")?.message).toBe(
      "TrainingPeaks scored this workout with an FTP of about 249 W, ours used 265 W: IF and TSS differ partly for that reason.",
    );
  });

  it("asks for an FTP when none is known", () => {
    const report = buildComparison(input(premium(), { ftp: chooseFtp({}), ours: { ...input(premium()).ours, metrics: ourMetrics({ intensityFactor: null, tss: null, ftp: null }) } }));
    expect(report.comparison.ours.ftp).toBeNull();
    expect(report.notes.find((n) => n.kind === "ftp")).toMatchObject({ tone: "warn", message: expect.stringMatching(/No FTP known/) });
  });

  it("compares with the nearest of several candidates and says so", () => {
    const report = buildComparison(input(premium([tpActivity({ id: "peloton", startTimeLocal: "2026-05-02T07:12:00", title: "45 min Power Zone Ride" }), tpActivity({ id: "garmin", startTimeLocal: "2026-05-02T07:13:30" })])));
    expect(report.comparison.match).toEqual({ workoutId: "peloton", startTimeDeltaSeconds: -5 });
    expect(report.notes.find((n) => n.kind === "several_matches")?.message).toBe("2 TrainingPeaks workouts start within 5 min of this one; compared with the nearest, “45 min Power Zone Ride”.");
  });
});

describe("chooseFtp", () => {
  it("prefers explicit > the file or workout > the TrainingPeaks threshold, skipping unusable values", () => {
    expect(chooseFtp({ explicit: 250, file: 260, trainingPeaks: 265 }).source).toBe("explicit");
    expect(chooseFtp({ explicit: null, file: 260, trainingPeaks: 265 })).toEqual({ watts: 260, source: "file", label: "from the FIT file" });
    expect(chooseFtp({ file: 0, workout: { watts: 231, source: "current Peloton FTP" }, trainingPeaks: 265 })).toEqual({ watts: 231, source: "workout", label: "from the workout (current Peloton FTP)" });
    expect(chooseFtp({ file: Number.NaN, trainingPeaks: 264.6 })).toEqual({ watts: 265, source: "trainingpeaks", label: "your TrainingPeaks threshold" });
    expect(chooseFtp({})).toEqual({ watts: null, source: "none", label: "no FTP known" });
  });
});
