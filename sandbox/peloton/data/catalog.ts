import { seededRandom } from "../../shared/http";
import { JUST_RIDE_ID } from "./constants";
import { hexId, seedOf } from "./ids";
import { instructorKeysFor } from "./instructors";
import { buildTargets, phaseLengths } from "./targets";
import { CLASS_KINDS, type ClassKind, type ClassPlan, type Discipline, type SegmentPlan } from "./types";

/** The class library: a fixed, seeded set of rides that the members' workouts point at. */
interface KindInfo {
  discipline: Discipline;
  classType: string;
  minutes: number[];
  titles: string[];
  variants: number;
}

export const KINDS: Record<ClassKind, KindInfo> = {
  power_zone: { discipline: "cycling", classType: "Power Zone", minutes: [20, 30, 45, 60], titles: ["Power Zone Ride"], variants: 3 },
  pz_endurance: { discipline: "cycling", classType: "Power Zone", minutes: [45, 60, 75], titles: ["Power Zone Endurance Ride"], variants: 2 },
  pz_max: { discipline: "cycling", classType: "Power Zone", minutes: [30, 45], titles: ["Power Zone Max Ride"], variants: 2 },
  ftp_test: { discipline: "cycling", classType: "Power Zone", minutes: [30], titles: ["FTP Test Ride"], variants: 2 },
  endurance: { discipline: "cycling", classType: "Endurance", minutes: [30, 45, 60], titles: ["Endurance Ride"], variants: 2 },
  hiit: { discipline: "cycling", classType: "Intervals", minutes: [20, 30, 45], titles: ["HIIT Ride", "HIIT & Hills Ride", "Tabata Ride"], variants: 2 },
  climb: { discipline: "cycling", classType: "Climb", minutes: [30, 45], titles: ["Climb Ride"], variants: 2 },
  music: { discipline: "cycling", classType: "Music", minutes: [20, 30, 45], titles: ["Pop Ride", "90s Rock Ride", "Hip Hop Ride", "Disco Ride"], variants: 3 },
  low_impact: { discipline: "cycling", classType: "Low Impact", minutes: [20, 30], titles: ["Low Impact Ride"], variants: 2 },
  warm_up: { discipline: "cycling", classType: "Warm Up/Cool Down", minutes: [5, 10], titles: ["Warm Up Ride"], variants: 2 },
  cool_down: { discipline: "cycling", classType: "Warm Up/Cool Down", minutes: [5, 10], titles: ["Cool Down Ride"], variants: 2 },
  just_ride: { discipline: "cycling", classType: "Just Ride", minutes: [], titles: ["Just Ride"], variants: 0 },
  tread_run: { discipline: "running", classType: "Endurance", minutes: [20, 30, 45], titles: ["Endurance Run", "HIIT Run", "Long Run"], variants: 3 },
  tread_walk: { discipline: "walking", classType: "Power Walk", minutes: [20, 30, 45], titles: ["Power Walk", "Hiking Walk"], variants: 2 },
  outdoor_walk: { discipline: "walking", classType: "Outdoor", minutes: [20, 30, 45], titles: ["Outdoor Walk"], variants: 2 },
  row: { discipline: "caesar", classType: "Pace Target", minutes: [15, 20, 30], titles: ["Pace Target Row", "Endurance Row", "Intervals Row"], variants: 3 },
  strength: { discipline: "strength", classType: "Full Body", minutes: [10, 20, 30], titles: ["Full Body Strength", "Core Strength", "Upper Body Strength"], variants: 3 },
  yoga: { discipline: "yoga", classType: "Yoga Flow", minutes: [20, 30], titles: ["Yoga Flow", "Slow Flow"], variants: 2 },
  stretching: { discipline: "stretching", classType: "Stretching", minutes: [5, 10], titles: ["Full Body Stretch", "Post-Ride Stretch"], variants: 2 },
  meditation: { discipline: "meditation", classType: "Mindfulness", minutes: [5, 10], titles: ["Mindfulness Meditation", "Sleep Meditation"], variants: 2 },
  // not in any member's mix: some outdoor walks of the demo history are run instead (history.ts)
  outdoor_run: { discipline: "running", classType: "Outdoor", minutes: [20, 30, 45], titles: ["Outdoor Run"], variants: 2 },
};

const AIR_FROM = 1514764800; // 2018-01-01: older than any generated workout, so no workout predates its class
const AIR_SPAN = 3 * 365 * 86400;
const MOVEMENTS = ["Goblet Squat", "Bent Over Row", "Push Up", "Reverse Lunge", "Overhead Press", "Deadlift", "Plank Hold", "Bicycle Crunch"];

export function classTypeId(plan: Pick<ClassPlan, "discipline" | "classTypeKey">): string {
  return hexId(`class-type:${plan.discipline}:${plan.classTypeKey}`);
}

function segmentsFor(rideId: string, kind: ClassKind, discipline: Discipline, duration: number, rng: () => number): SegmentPlan[] {
  const metricsType = discipline === "cycling" ? "cycling" : kind === "tread_run" || kind === "tread_walk" ? "running" : discipline === "caesar" ? "caesar" : null;
  const mainName: Record<Discipline, string> = {
    cycling: "Cycling", running: "Running", walking: "Walking", caesar: "Rowing", strength: "Strength", yoga: "Yoga", meditation: "Meditation", stretching: "Stretching",
  };
  const iconOf: Record<Discipline, string> = {
    cycling: "cycling", running: "running", walking: "walking", caesar: "caesar", strength: "strength", yoga: "yoga", meditation: "meditation", stretching: "stretching",
  };
  let { warmup, cooldown } = phaseLengths(kind, duration);
  if (discipline === "strength" && duration > 600) [warmup, cooldown] = [120, 120];
  if (["yoga", "meditation", "stretching"].includes(discipline) || kind === "outdoor_walk" || kind === "outdoor_run") [warmup, cooldown] = [0, 0];
  const parts: Array<[string, string, number, number]> = [];
  if (warmup) parts.push(["Warm Up", "warmup", warmup, 3.5]);
  parts.push([mainName[discipline], iconOf[discipline], duration - warmup - cooldown, discipline === "meditation" ? 1 : discipline === "stretching" ? 2.3 : 6]);
  if (cooldown) parts.push(["Cool Down", "cooldown", cooldown, 3.5]);
  let start = 0;
  return parts.map(([name, iconSlug, length, mets], i) => {
    const seg: SegmentPlan = { id: hexId(`segment:${rideId}:${i}`), name, iconSlug, start, length, mets, metricsType };
    if (discipline === "strength" && iconSlug === "strength") {
      seg.movements = Array.from({ length: 4 + Math.floor(rng() * 4) }, () => MOVEMENTS[Math.floor(rng() * MOVEMENTS.length)] ?? "Push Up");
    }
    start += length;
    return seg;
  });
}

function buildPlan(kind: ClassKind, minutes: number, variant: number, ordinal: number): ClassPlan {
  const info = KINDS[kind];
  const rideId = hexId(`ride:${kind}:${minutes}:${variant}`);
  const seed = seedOf(rideId);
  const rng = seededRandom(seed);
  const duration = minutes * 60;
  const title = `${kind === "ftp_test" ? 20 : minutes} min ${info.titles[variant % info.titles.length] ?? info.titles[0]}`;
  const instructors = instructorKeysFor(info.discipline);
  const pedalingStart = ["yoga", "meditation", "stretching"].includes(info.discipline) ? 0 : 60;
  return {
    rideId,
    kind,
    discipline: info.discipline,
    title,
    description: `A synthetic ${title.toLowerCase()} from the Peloton simulator's class library.`,
    duration,
    length: duration + pedalingStart + 60 + Math.floor(rng() * 90),
    pedalingStart,
    instructorKey: instructors[(ordinal + variant) % instructors.length] ?? null,
    classTypeKey: info.classType,
    originalAirTime: AIR_FROM + Math.floor(rng() * AIR_SPAN / 3600) * 3600,
    difficulty: Math.round((4.5 + rng() * 4) * 10000) / 10000,
    seed,
    segments: segmentsFor(rideId, kind, info.discipline, duration, rng),
    targets: buildTargets(kind, variant, duration, pedalingStart, rng),
    isPowerZone: info.classType === "Power Zone",
    isFtpTest: kind === "ftp_test",
    isOutdoor: kind === "outdoor_walk" || kind === "outdoor_run",
  };
}

let catalogCache: { all: ClassPlan[]; byId: Map<string, ClassPlan> } | undefined;

export function catalog(): { all: ClassPlan[]; byId: Map<string, ClassPlan> } {
  if (catalogCache) return catalogCache;
  const all: ClassPlan[] = [];
  for (const kind of CLASS_KINDS) {
    const info = KINDS[kind];
    for (const minutes of info.minutes) {
      for (let variant = 0; variant < info.variants; variant++) all.push(buildPlan(kind, minutes, variant, all.length));
    }
  }
  catalogCache = { all, byId: new Map(all.map((p) => [p.rideId, p])) };
  return catalogCache;
}

export function plansOfKind(kind: ClassKind): ClassPlan[] {
  return catalog().all.filter((p) => p.kind === kind);
}

/** A "Just Ride" has no class: the all-zero ride id and whatever length the member rode. */
export function justRidePlan(duration: number): ClassPlan {
  return {
    rideId: JUST_RIDE_ID, kind: "just_ride", discipline: "cycling", title: "Just Ride", description: "", duration, length: duration,
    pedalingStart: 0, instructorKey: null, classTypeKey: "Just Ride", originalAirTime: 0, difficulty: 0, seed: duration,
    segments: [], targets: [], isPowerZone: false, isFtpTest: false, isOutdoor: false,
  };
}
