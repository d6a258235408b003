import { describe, expect, it } from "vitest";
import { performanceGraph } from "./graph";
import { memberByKey } from "./members";
import { QUIRKS, cuesOnly } from "./quirks";
import { rideDetails } from "./ride-details";
import { DataStore } from "./store";
import { workoutJson } from "./workout-json";

const anchor = Date.UTC(2026, 0, 15) / 1000;
const demo = memberByKey("demo");

function world() {
  if (!demo) throw new Error("demo member missing");
  const store = new DataStore({ anchor, heavyCount: 10, now: () => anchor * 1000 });
  return { store, member: demo, workouts: store.memberData(demo).workouts };
}

describe("the demo history carries the real world's awkward cases", () => {
  it("every quirk, outdoor runs and walks with GPS, and cue-only classes, without changing the history's shape", () => {
    const { workouts } = world();
    expect(workouts).toHaveLength(320);
    for (const quirk of QUIRKS) expect(workouts.filter((w) => w.quirks.includes(quirk)).length, quirk).toBeGreaterThan(0);
    expect(workouts.some((w) => w.plan.kind === "outdoor_run")).toBe(true);
    expect(workouts.some((w) => w.plan.kind === "outdoor_walk")).toBe(true);
    expect(workouts.some((w) => cuesOnly(w.plan))).toBe(true);
    // most workouts stay plain, so the rest of the app sees the usual
    expect(workouts.filter((w) => w.quirks.length === 0).length).toBeGreaterThan(120);
  });

  it("each shows in the responses as a real client would see it", () => {
    const { store, member, workouts } = world();
    const view = (id: string) => {
      const header = workouts.find((w) => w.id === id);
      if (!header) throw new Error("no such workout");
      return { header, json: workoutJson({ member, header, summary: store.summary(header), isPr: false, achievements: [] }, { detail: true, joins: new Set() }) };
    };
    const graphOf = (id: string) => {
      const { header } = view(id);
      return performanceGraph(member, header, store.series(header), store.summary(header), 1, true) as Record<string, unknown> & {
        metrics: { slug: string; values: (number | null)[]; max_value: number; average_value: number }[];
        seconds_since_pedaling_start: number[];
        duration: number;
      };
    };
    const first = (quirk: (typeof QUIRKS)[number], extra: (w: (typeof workouts)[number]) => boolean = () => true) => {
      const w = workouts.find((x) => x.quirks.includes(quirk) && x.status === "COMPLETE" && extra(x));
      if (!w) throw new Error(`no ${quirk}`);
      return w.id;
    };
    expect("is_outdoor" in view(first("noIsOutdoor")).json).toBe(false);
    expect("ftp_info" in view(first("noFtpInfo")).json).toBe(false);
    const zeros = graphOf(first("hrZeroDropouts")).metrics.find((m) => m.slug === "heart_rate");
    expect(zeros?.values.filter((v) => v === 0).length).toBeGreaterThanOrEqual(20);
    const late = view(first("lateStart"));
    const lateGraph = graphOf(late.header.id);
    expect(lateGraph.seconds_since_pedaling_start[0]).toBe(7);
    expect(lateGraph.duration).toBeLessThan(late.header.plan.duration);
    expect(graphOf(first("offsetsFromZero")).seconds_since_pedaling_start[0]).toBe(0);
    expect(graphOf(first("splitsEmpty")).splits_data).toEqual({});
    expect(graphOf(first("splitsNull")).splits_data).toBeNull();
    const digital = view(first("noOutput"));
    expect(digital.json.total_work).toBe(0);
    expect(graphOf(digital.header.id).metrics.map((m) => m.slug)).not.toContain("output");
    const row = graphOf(first("pelotonAverages", (w) => w.plan.discipline === "caesar"));
    const output = row.metrics.find((m) => m.slug === "output");
    const mean = (output?.values ?? []).reduce<number>((a, v) => a + (v ?? 0), 0) / (output?.values.length ?? 1);
    expect(Math.abs((output?.average_value ?? 0) - mean)).toBeGreaterThanOrEqual(1);
    const run = graphOf(workouts.find((w) => w.plan.kind === "outdoor_run")?.id ?? "");
    expect((run.location_data as unknown[]).length).toBeGreaterThan(0);
    const pace = run.metrics.find((m) => m.slug === "pace");
    expect(pace?.max_value).toBe(Math.min(...(pace?.values ?? []).filter((v): v is number => v !== null && v > 0)));
    const cues = workouts.find((w) => cuesOnly(w.plan));
    expect(cues && "target_metrics_data" in rideDetails(cues.plan, 200, "mi")).toBe(false);
    expect(cues && (rideDetails(cues.plan, 200, "mi").instructor_cues as unknown[]).length).toBeGreaterThan(0);
  });

  it("adds a workout with the quirks a test asks for, and none unless asked", () => {
    const { store } = world();
    if (!demo) throw new Error("demo member missing");
    const plain = store.addWorkout(demo, { kind: "row" });
    expect(plain.quirks).toEqual([]);
    const awkward = store.addWorkout(demo, { kind: "power_zone", durationMinutes: 30, quirks: ["lateStart", "hrZeroDropouts", "noFtpInfo"] });
    expect(awkward.quirks).toEqual(["lateStart", "hrZeroDropouts", "noFtpInfo"]);
    expect(awkward.recorded).toBeLessThan(1800);
  });
});
