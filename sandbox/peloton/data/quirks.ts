import { seededRandom } from "../../shared/http";
import { seedOf } from "./ids";
import type { ClassPlan } from "./types";

/**
 * The real world's awkward cases (docs/peloton-api.md §5.5–§5.6, "Agree with real recordings"), as flags on a
 * workout. The demo history gets them from a random stream of their own, seeded by the workout's id, so the history
 * itself (which workouts, when, which classes) is the same with or without them; tests ask for them by name
 * (`POST /__admin/workouts {quirks}`).
 *
 * - hrZeroDropouts: the strap loses contact and 0 bpm is sent (besides the null gaps of `hrDropouts`)
 * - pelotonAverages: Peloton's own average output is over the seconds with output, not the samples' mean
 * - offsetsFromZero / lateStart: sample offsets start at 0, or at 7 s with the recording ending early: a graph
 *   shorter than the class
 * - noIsOutdoor / noFtpInfo: an older response without the `is_outdoor` / `ftp_info` keys
 * - splitsEmpty / splitsNull: `splits_data` is `{}` or null
 * - noOutput: a class taken in the app without a bike (a "digital" ride): no output, cadence, resistance or speed
 */
export const QUIRKS = [
  "hrZeroDropouts",
  "pelotonAverages",
  "offsetsFromZero",
  "lateStart",
  "noIsOutdoor",
  "noFtpInfo",
  "splitsEmpty",
  "splitsNull",
  "noOutput",
] as const;
export type Quirk = (typeof QUIRKS)[number];

/** Seconds the recording of a `lateStart` workout is short of the class (it starts 7 s late and stops early). */
export const LATE_START_OFFSET = 7;

const WITH_SAMPLES = new Set(["cycling", "running", "walking", "caesar"]);

export function quirkRandom(workoutId: string): () => number {
  return seededRandom(seedOf(`quirks:${workoutId}`));
}

/** The demo's quirks for one workout (deterministic from its id). */
export function demoQuirks(workoutId: string, plan: ClassPlan, opts: { hasHr: boolean; complete: boolean }): Quirk[] {
  const rng = quirkRandom(workoutId);
  const draw = (p: number) => rng() < p;
  const out: Quirk[] = [];
  const samples = WITH_SAMPLES.has(plan.discipline);
  const classRide = plan.discipline === "cycling" && plan.kind !== "just_ride" && !plan.isFtpTest;
  if (draw(0.12) && opts.hasHr && samples) out.push("hrZeroDropouts");
  if ((plan.discipline === "caesar" || draw(0.1)) && samples && plan.discipline !== "walking") out.push("pelotonAverages");
  const offsets = rng();
  if (opts.complete && samples && !plan.isFtpTest) {
    if (offsets < 0.06) out.push("offsetsFromZero");
    else if (offsets < 0.12) out.push("lateStart");
  }
  if (draw(0.15)) out.push("noIsOutdoor");
  // FTP tests keep theirs: the FTP history the simulator tells runs through them
  if (draw(0.1) && !plan.isFtpTest) out.push("noFtpInfo");
  const splits = rng();
  if (samples && splits < 0.08) out.push("splitsEmpty");
  else if (samples && splits < 0.13) out.push("splitsNull");
  if (draw(0.08) && classRide && opts.complete) out.push("noOutput");
  return out;
}

/** Cue-based classes whose details carry instructor cues instead of target metrics (a third of them, by class). */
export function cuesOnly(plan: ClassPlan): boolean {
  return plan.targets.some((t) => t.type === "cues") && plan.seed % 3 === 0;
}
