import { Decoder, Stream } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { loadFixture, type FixtureName } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import type { PelotonPerformanceGraph } from "@/server/providers/peloton/api/workout-schemas";
import { chooseFtp } from "@/lib/compare/ftp";
import { ourSide } from "@/lib/compare/ours";
import { decodeFit } from "@/server/fit/decode";
import { encodeFit } from "@/server/fit/encode";
import { encodeTcx } from "@/server/fit/tcx";
import { workoutSchema } from "@/server/providers/peloton/api/workout-schemas";
import { syncedView } from "./__fixtures__/synced-view";
import { toWorkoutActivity } from "./workout-activity";
import { workoutPageSummary } from "./workout-summary";

/**
 * Synced Peloton workouts whose workout page, FIT export and comparison must state the same figures: each read the
 * way the app reads it (the page's summary, our FIT file decoded back, the comparison's side of a synced workout).
 */
function threeWays(name: FixtureName, edit: (graph: PelotonPerformanceGraph) => void) {
  const { workout, graph, ride } = loadFixture(name);
  edit(graph);
  const view = syncedView(transformWorkout({ workout, graph, ride }));
  const page = workoutPageSummary(view, "metric");
  const activity = toWorkoutActivity(view);
  const bytes = encodeFit(activity);
  const comparison = ourSide(activity, chooseFtp({ workout: view.ftp })).metrics;
  return { page, bytes, fit: decodeFit(bytes), comparison };
}

const whole = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
const stat = (page: ReturnType<typeof workoutPageSummary>, key: string) => page?.stats.find((s) => s.key === key);

describe("case 6: heart-rate dropouts (0 bpm) count in no average or maximum and are not written to FIT", () => {
  it("a ride whose strap lost contact for two minutes states one average heart rate everywhere (139 bpm)", () => {
    const { page, bytes, fit, comparison } = threeWays("cycling-power-zone", (graph) => {
      const hr = graph.metrics.find((m) => m.slug === "heart_rate");
      if (!hr?.values) throw new Error("fixture without heart rate");
      hr.values = hr.values.map((v, i) => (i >= 600 && i < 720 ? 0 : v));
      hr.average_value = null;
      hr.max_value = null;
    });
    const records = new Decoder(Stream.fromByteArray(bytes)).read().messages.recordMesgs ?? [];
    expect(records.filter((r) => r.heartRate === 0)).toHaveLength(0);
    expect(records.filter((r) => r.heartRate === undefined)).toHaveLength(120);
    expect(whole(comparison.avgHeartRate)).toBe(139);
    expect(whole(page?.figures.avgHeartRate)).toBe(139);
    expect(stat(page, "heartRate")?.value).toBe("139 / 167");
    expect(fit.recorded?.avgHeartRate).toBe(139);
  });
});

describe("case 7: Peloton's summary average vs the mean of its samples (docs/peloton-api.md §5.6.1)", () => {
  it("a row whose Peloton average output (152 W) is not its samples' mean (134 W): 134 W everywhere, Peloton's labelled", () => {
    const { page, fit, comparison } = threeWays("row", (graph) => {
      const output = graph.metrics.find((m) => m.slug === "output");
      if (!output) throw new Error("fixture without output");
      output.average_value = 152;
      for (const item of graph.average_summaries) if (item.slug === "avg_output") item.value = 152;
    });
    expect(whole(comparison.avgPower)).toBe(134);
    expect(fit.recorded?.avgPower).toBe(134);
    const power = stat(page, "power");
    expect(power?.value).toBe("134 / 223");
    expect(power?.origin).toBe("computed");
    expect(power?.hint).toBe("computed from the samples · Peloton shows 152 / 223 W");
  });
});

describe("case 5: outdoor workouts are exported as outdoor, with their GPS track", () => {
  /** The outdoor walk as an older response sends it: no `is_outdoor`; optionally as a run. */
  function olderOutdoor(discipline: "walking" | "running") {
    const { workout, graph, ride } = loadFixture("outdoor-walk");
    const { is_outdoor: _dropped, ...rest } = workout;
    const older = workoutSchema.parse({ ...rest, fitness_discipline: discipline });
    const view = syncedView(transformWorkout({ workout: older, graph, ride }));
    return { view, activity: toWorkoutActivity(view), graph };
  }

  it("an outdoor run without is_outdoor but with GPS points: FIT running/road with the track, TCX with positions", () => {
    const { view, activity, graph } = olderOutdoor("running");
    expect(view.isOutdoor).toBe(true);
    const decoded = decodeFit(encodeFit(activity));
    expect([decoded.sport, decoded.subSport]).toEqual(["running", "road"]);
    const first = graph.location_data[0]?.coordinates[0];
    // the first fix (offset 1 s) holds for slot 0, written in semicircles: within 1e-6 degrees
    expect(decoded.samples.latitude?.[0]).toBeCloseTo(first?.latitude ?? 0, 6);
    expect(decoded.samples.longitude?.[0]).toBeCloseTo(first?.longitude ?? 0, 6);
    expect(decoded.samples.latitude?.filter((v) => v !== null).length).toBe(activity.length);
    const tcx = encodeTcx(activity);
    expect(tcx).toContain(`<Position><LatitudeDegrees>${first?.latitude}</LatitudeDegrees><LongitudeDegrees>${first?.longitude}</LongitudeDegrees></Position>`);
    expect(tcx).toContain('<Activity Sport="Running">');
  });

  it("an outdoor walk without is_outdoor is walking, not indoor walking", () => {
    const { activity } = olderOutdoor("walking");
    expect([activity.sport, activity.subSport]).toEqual(["walking", null]);
    expect(decodeFit(encodeFit(activity)).subSport).toBeNull();
  });
});
