import { describe, expect, it } from "vitest";
import { performanceGraph } from "@/sandbox/peloton/data/graph";
import { memberByKey } from "@/sandbox/peloton/data/members";
import { QUIRKS, type Quirk } from "@/sandbox/peloton/data/quirks";
import { rideDetails } from "@/sandbox/peloton/data/ride-details";
import { DataStore } from "@/sandbox/peloton/data/store";
import { CLASS_KINDS, type ClassKind, type WorkoutHeader } from "@/sandbox/peloton/data/types";
import { workoutJson } from "@/sandbox/peloton/data/workout-json";
import { KINDS } from "@/sandbox/peloton/data/catalog";
import { RECORDINGS } from "@/server/fit/__fixtures__/recordings";
import { decodeFit } from "@/server/fit/decode";
import { encodeFit } from "@/server/fit/encode";
import { performanceGraphSchema, rideDetailsSchema, workoutSchema } from "@/server/providers/peloton/api/workout-schemas";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import { buildComparison } from "@/lib/compare/build";
import { chooseFtp } from "@/lib/compare/ftp";
import { ourSide } from "@/lib/compare/ours";
import { activityFigures, type ActivityFigures } from "@/lib/metrics/activity";
import { SUMMARY_DECIMALS, summaryStats } from "@/lib/metrics/workout-summary";
import type { Activity, ComparisonMetrics } from "@/lib/domain/activity";
import { syncedView } from "./__fixtures__/synced-view";
import { toWorkoutActivity } from "./workout-activity";
import { workoutPageSummary } from "./workout-summary";

/**
 * The guarantee of "Agree with real recordings": for every workout the Peloton simulator can produce (every class
 * kind, plain and with each awkward case it knows) and every team-written FIT recording, the workout page's summary,
 * our FIT export decoded back, and the comparison state the same duration, distance, average and maximum power,
 * heart rate and cadence, NP and TSS, within the rounding they are displayed with.
 */
type Figure = "durationSeconds" | "distanceMeters" | "avgPower" | "maxPower" | "avgHeartRate" | "maxHeartRate" | "avgCadence" | "maxCadence" | "normalizedPower" | "tss";

/** Displayed decimals of each figure: two readings agree when they differ by at most half a displayed unit. */
const DISPLAY: Record<Figure, number> = {
  durationSeconds: 0,
  distanceMeters: 0, // metres; the page shows 0.01 mi/km, coarser still
  avgPower: SUMMARY_DECIMALS.power,
  maxPower: SUMMARY_DECIMALS.power,
  avgHeartRate: SUMMARY_DECIMALS.heartRate,
  maxHeartRate: SUMMARY_DECIMALS.heartRate,
  avgCadence: SUMMARY_DECIMALS.cadence,
  maxCadence: SUMMARY_DECIMALS.cadence,
  normalizedPower: SUMMARY_DECIMALS.normalizedPower,
  tss: SUMMARY_DECIMALS.tss,
};
const FIGURES = Object.keys(DISPLAY) as Figure[];
/** The figures the comparison reports (its JSON contract has no maxima for heart rate and cadence). */
const COMPARED: readonly (Figure & keyof ComparisonMetrics)[] = ["durationSeconds", "distanceMeters", "avgPower", "maxPower", "avgHeartRate", "avgCadence", "normalizedPower", "tss"];

function agree(label: string, figure: Figure, a: number | null, b: number | null) {
  if (a === null || b === null) {
    expect(a, `${label}: ${figure} present on one side only (${a} vs ${b})`).toBe(b);
    return;
  }
  const half = 0.5 * 10 ** -DISPLAY[figure] + 1e-9;
  expect(Math.abs(a - b), `${label}: ${figure} ${a} vs ${b}`).toBeLessThanOrEqual(half);
}

/**
 * Page, FIT export decoded back, comparison: the same figures. A workout without samples (yoga without a strap) has
 * no file to export (the export answers workout.no_samples), so only the page and the comparison are held to it.
 */
function expectAgreement(label: string, page: ActivityFigures, activity: Activity, ftp: ReturnType<typeof chooseFtp>, exportable = true) {
  const comparison = buildComparison({ ours: ourSide(activity, ftp), ftp, trainingPeaks: { status: "skipped", reason: "property test" } }).comparison.ours;
  for (const figure of COMPARED) agree(`${label} page↔comparison`, figure, page[figure], comparison[figure]);
  if (!exportable) return;
  const fit = decodeFit(encodeFit(activity));
  const exported = activityFigures(fit, fit.ftp);
  for (const figure of FIGURES) agree(`${label} page↔FIT`, figure, page[figure], exported[figure]);
}

const member = memberByKey("demo");
const anchor = Date.UTC(2026, 0, 15) / 1000;

/**
 * One kind per way the simulator builds a workout (targets, samples, GPS, strokes, no samples) carries each awkward
 * case; the other kinds are built the same way as one of these and are checked plain.
 */
const REPRESENTATIVE: readonly ClassKind[] = ["power_zone", "climb", "just_ride", "ftp_test", "tread_run", "tread_walk", "outdoor_walk", "outdoor_run", "row", "strength", "meditation"];

/** Quirks that can show in a kind's responses (the rest leave them unchanged). */
function applicable(kind: ClassKind): Quirk[] {
  const discipline = KINDS[kind].discipline;
  const samples = ["cycling", "running", "walking", "caesar"].includes(discipline);
  return QUIRKS.filter((q) => {
    if (q === "noOutput") return discipline === "cycling" && kind !== "just_ride" && kind !== "ftp_test";
    if (q === "noIsOutdoor" || q === "noFtpInfo") return true;
    return samples;
  });
}

function syncedFromSimulator(store: DataStore, header: WorkoutHeader) {
  if (!member) throw new Error("demo member missing");
  const summary = store.summary(header);
  // through JSON and the app's own schemas, exactly as the sync reads responses
  const wire = <T,>(value: unknown, schema: { parse: (v: unknown) => T }) => schema.parse(JSON.parse(JSON.stringify(value)));
  const workout = wire(workoutJson({ member, header, summary, isPr: false, achievements: [] }, { detail: true, joins: new Set(["ride", "ride.instructor"]) }), workoutSchema);
  const graph = wire(performanceGraph(member, header, store.series(header), summary, 1, true), performanceGraphSchema);
  const ride = header.plan.kind === "just_ride" ? null : wire(rideDetails(header.plan, header.ftpIn.ftp || member.startFtp, member.distanceUnit), rideDetailsSchema);
  const t = transformWorkout({ workout, graph, ride, fallbackFtp: member.endFtp });
  // the page falls back to the member's current FTP when the workout has none (server/queries/workout-detail.ts)
  return syncedView(t, { ftp: t.workout.ftp ?? member.endFtp, rideSeconds: header.plan.kind === "just_ride" ? null : header.plan.duration });
}

describe("the workout page, the FIT export and the comparison agree", () => {
  it("for every workout the Peloton simulator produces: each class kind, plain and with each awkward case", () => {
    if (!member) throw new Error("demo member missing");
    const store = new DataStore({ anchor, heavyCount: 10, now: () => anchor * 1000 });
    let checked = 0;
    for (const kind of CLASS_KINDS) {
      const minutes = Math.min(...(KINDS[kind].minutes.length ? KINDS[kind].minutes : [10]));
      const cases: Quirk[][] = [[], ...(REPRESENTATIVE.includes(kind) ? applicable(kind).map((q) => [q]) : [])];
      for (const quirks of cases) {
        const header = store.addWorkout(member, { kind, durationMinutes: minutes, quirks });
        const view = syncedFromSimulator(store, header);
        const label = `${kind}${quirks.length ? ` + ${quirks.join(", ")}` : ""}`;
        const page = workoutPageSummary(view, "metric");
        if (!page) throw new Error(`${label}: no page summary`);
        expectAgreement(label, page.figures, toWorkoutActivity(view), chooseFtp({ workout: view.ftp }), (view.series?.length ?? 0) > 0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(90);
  }, 60_000);

  it("for every team-written FIT recording (the comparison's own page shows the same figures as its summary)", () => {
    for (const make of RECORDINGS) {
      const recording = make();
      const activity = decodeFit(recording.bytes);
      const ftp = chooseFtp({ file: activity.ftp });
      const figures = activityFigures(activity, ftp.watts);
      // what a summary of this file shows is built from these very figures
      expect(summaryStats({ figures, discipline: activity.sport, reported: null, ftpWatts: ftp.watts, units: "metric" }).length).toBeGreaterThan(3);
      expectAgreement(recording.name, figures, activity, ftp);
    }
  }, 30_000);
});
