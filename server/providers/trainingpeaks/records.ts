import "server-only";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";
import type { PlannedWorkout } from "@/lib/domain/calendar";
import { toPlannedWorkout } from "./transform/planned";
import { getAthleteProfile, getAthleteZones, getWorkout, listWorkouts } from "./api/client";
import { splitDateRange, sortActivities, toActivity, toAthlete, toThresholds } from "./transform/workouts";

/** TrainingPeaks records in AutoCoach's terms: each one an api/ call followed by its transform/. */

export async function fetchAthlete(userId: string) {
  return toAthlete(await getAthleteProfile(userId));
}

export async function fetchThresholds(userId: string) {
  return toThresholds(await getAthleteZones(userId));
}

export async function fetchWorkout(userId: string, id: string) {
  return toActivity(await getWorkout(userId, id));
}

/** Activities of a range, and how many items TrainingPeaks sent that could not be read (left out, not fatal). */
export interface ActivityList {
  activities: TrainingPeaksActivity[];
  unreadable: number;
}

/** Activities in an inclusive date range of any length: chunked to the API's 45-day limit. */
export async function fetchActivities(userId: string, start: string, end: string): Promise<ActivityList> {
  const results: TrainingPeaksActivity[] = [];
  let unreadable = 0;
  for (const chunk of splitDateRange(start, end, 45)) {
    const list = await listWorkouts(userId, chunk.start, chunk.end);
    results.push(...list.workouts.map(toActivity));
    unreadable += list.unreadable;
  }
  const unique = new Map(results.map((a) => [a.id, a]));
  return { activities: sortActivities([...unique.values()]), unreadable };
}

/** The workouts with a plan in an inclusive date range (the calendar's plan vs actual). */
export async function fetchPlannedWorkouts(userId: string, start: string, end: string): Promise<PlannedWorkout[]> {
  const results = new Map<string, PlannedWorkout>();
  for (const chunk of splitDateRange(start, end, 45)) {
    for (const w of (await listWorkouts(userId, chunk.start, chunk.end)).workouts) {
      const plan = toPlannedWorkout(w);
      if (plan) results.set(plan.id, plan);
    }
  }
  return [...results.values()].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}
