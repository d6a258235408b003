import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { pelotonApiGet, type ApiCallOptions } from "./client";
import {
  instructorListSchema,
  isJustRide,
  performanceGraphSchema,
  rideDetailsSchema,
  workoutListSchema,
  workoutSchema,
  type PelotonInstructorList,
  type PelotonPerformanceGraph,
  type PelotonRideDetails,
  type PelotonWorkout,
  type PelotonWorkoutList,
} from "./workout-schemas";

export { JUST_RIDE_ID, isJustRide } from "./workout-schemas";

/**
 * Workout-side member API calls (docs/peloton-api.md §5.4–§5.8), built on pelotonApiGet: Bearer + `Peloton-Platform: web` (needed for
 * outdoor GPS), the same retries and ProviderError codes as api.ts. Each returns the leniently parsed JSON; turning it
 * into AutoCoach records is workout-transform.ts's job.
 */

/** Peloton refuses pages larger than 100 (docs/peloton-api.md §5.4, §7). */
export const MAX_PAGE_SIZE = 100;
/** `joins` that embed the class and its instructor in each workout. */
const WORKOUT_JOINS = "ride,ride.instructor";

function segment(kind: string, id: string): string {
  if (!id) throw providerError("peloton", "invalid_request", `A Peloton ${kind} id is required.`);
  return encodeURIComponent(id);
}

function pageQuery(page: number, limit: number): { page: string; limit: string } {
  const safePage = Number.isInteger(page) && page >= 0 ? page : 0;
  const safeLimit = Number.isInteger(limit) ? Math.min(MAX_PAGE_SIZE, Math.max(1, limit)) : MAX_PAGE_SIZE;
  return { page: String(safePage), limit: String(safeLimit) };
}

export interface ListWorkoutsOptions extends ApiCallOptions {
  userId: string;
  /** 0-based */
  page: number;
  /** at most 100 (clamped) */
  limit?: number;
  /** ISO-8601 UTC bounds on creation time, e.g. "2025-11-17T07:00:00.000Z" (docs/peloton-api.md §5.4) */
  from?: string;
  to?: string;
}

/** GET /api/user/{id}/workouts, newest first, with the class and instructor joined. Loop while `show_next`. */
export async function listWorkouts({ userId, page, limit = MAX_PAGE_SIZE, from, to, ...opts }: ListWorkoutsOptions): Promise<PelotonWorkoutList> {
  const query: Record<string, string> = { ...pageQuery(page, limit), sort_by: "-created", joins: WORKOUT_JOINS };
  if (from) query.from = from;
  if (to) query.to = to;
  return pelotonApiGet(`/api/user/${segment("user", userId)}/workouts`, workoutListSchema, { ...opts, query });
}

/** GET /api/workout/{id}?joins=ride,ride.instructor (adds leaderboard rank/total that list items lack). */
export async function getWorkout({ workoutId, ...opts }: ApiCallOptions & { workoutId: string }): Promise<PelotonWorkout> {
  return pelotonApiGet(`/api/workout/${segment("workout", workoutId)}`, workoutSchema, { ...opts, query: { joins: WORKOUT_JOINS } });
}

/** GET /api/workout/{id}/performance_graph?every_n=N; N is the sample interval in seconds (1 = full fidelity). */
export async function getPerformanceGraph({
  workoutId,
  everyN = 1,
  ...opts
}: ApiCallOptions & { workoutId: string; everyN?: number }): Promise<PelotonPerformanceGraph> {
  const n = Number.isInteger(everyN) && everyN >= 1 ? everyN : 1;
  return pelotonApiGet(`/api/workout/${segment("workout", workoutId)}/performance_graph`, performanceGraphSchema, {
    ...opts,
    query: { every_n: String(n) },
  });
}

/**
 * GET /api/ride/{id}/details. Free rides (the all-zero id) have no details: asking is a caller bug, so it throws
 * `invalid_request` without a request. A 404 (seen for some gym/strength classes) surfaces as `not_found`.
 */
export async function getRideDetails({ rideId, ...opts }: ApiCallOptions & { rideId: string }): Promise<PelotonRideDetails> {
  if (isJustRide(rideId)) {
    throw providerError("peloton", "invalid_request", "A free ride (Just Ride) has no class details.");
  }
  return pelotonApiGet(`/api/ride/${segment("ride", rideId)}/details`, rideDetailsSchema, opts);
}

/** GET /api/instructor?page&limit: one page of the instructor catalogue. */
export async function listInstructors({
  page = 0,
  limit = MAX_PAGE_SIZE,
  ...opts
}: ApiCallOptions & { page?: number; limit?: number }): Promise<PelotonInstructorList> {
  return pelotonApiGet("/api/instructor", instructorListSchema, { ...opts, query: pageQuery(page, limit) });
}
