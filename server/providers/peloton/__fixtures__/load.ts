import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { performanceGraphSchema, rideDetailsSchema, workoutSchema, type PelotonPerformanceGraph, type PelotonRideDetails, type PelotonWorkout } from "../api/workout-schemas";

/** Test helper: a workout fixture parsed exactly as the sync parses live responses. */
export const WORKOUT_FIXTURES = path.join(import.meta.dirname, "workouts");

export const FIXTURE_NAMES = [
  "cycling-power-zone",
  "cycling-cues",
  "just-ride",
  "cycling-distance",
  "cycling-nulls",
  "cycling-in-progress",
  "tread-run",
  "outdoor-walk",
  "row",
  "strength",
  "meditation",
] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export function fixturePath(name: string, kind: "workout" | "graph" | "ride"): string {
  return path.join(WORKOUT_FIXTURES, `${name}.${kind}.json`);
}

export function readFixtureJson(file: string): unknown {
  return JSON.parse(readFileSync(path.isAbsolute(file) ? file : path.join(WORKOUT_FIXTURES, file), "utf8"));
}

export function loadFixture(name: FixtureName): { workout: PelotonWorkout; graph: PelotonPerformanceGraph; ride: PelotonRideDetails | null } {
  const ridePath = fixturePath(name, "ride");
  return {
    workout: workoutSchema.parse(readFixtureJson(fixturePath(name, "workout"))),
    graph: performanceGraphSchema.parse(readFixtureJson(fixturePath(name, "graph"))),
    ride: existsSync(ridePath) ? rideDetailsSchema.parse(readFixtureJson(ridePath)) : null,
  };
}
