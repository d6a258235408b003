import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { readJson, request } from "@/server/http/request";
import { USER_AGENT, tpApiUrl } from "../auth/config";
import { tpProfileSchema, tpWorkoutListSchema, tpWorkoutSchema, tpZonesSchema, type TpProfile, type TpWorkout, type TpWorkoutList, type TpZones } from "./schemas";
import { withAccessToken } from "../auth/tokens";
import type { z } from "zod";

/** TrainingPeaks Partner API calls for one user (docs/trainingpeaks-api.md §5), with token refresh and one retry on 401; raw parsed JSON out. */

async function tpGet<S extends z.ZodType>(userId: string, path: string, schema: S, apiUrl = tpApiUrl()): Promise<z.output<S>> {
  return withAccessToken(userId, async (token) => {
    const response = await request(`${apiUrl}${path}`, {
      provider: "trainingpeaks",
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json", "User-Agent": USER_AGENT },
      retries: 2,
      maxRetryWaitMs: 5_000,
    });
    return readJson("trainingpeaks", response, schema);
  });
}

/** GET /v1/athlete/profile */
export function getAthleteProfile(userId: string): Promise<TpProfile> {
  return tpGet(userId, "/v1/athlete/profile", tpProfileSchema);
}

/** GET /v1/athlete/profile/zones */
export function getAthleteZones(userId: string): Promise<TpZones> {
  return tpGet(userId, "/v1/athlete/profile/zones", tpZonesSchema);
}

/** GET /v2/workouts/id/{id} */
export function getWorkout(userId: string, id: string): Promise<TpWorkout> {
  if (!/^\d{1,20}$/.test(id)) throw new AppError("input.invalid", { message: "That is not a TrainingPeaks workout id." });
  return tpGet(userId, `/v2/workouts/id/${id}`, tpWorkoutSchema);
}

/** GET /v2/workouts/{start}/{end}: one range of at most 45 days (the API's limit), read item by item. */
export function listWorkouts(userId: string, start: string, end: string): Promise<TpWorkoutList> {
  return tpGet(userId, `/v2/workouts/${start}/${end}`, tpWorkoutListSchema);
}
