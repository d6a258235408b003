import "server-only";
import { readJson, request } from "@/server/http/request";
import { USER_AGENT, tpApiUrl } from "../auth/config";
import { tpProfileSchema, tpWorkoutListSchema, tpWorkoutSchema, tpZonesSchema } from "./schemas";
import { splitDateRange, sortActivities, toActivity, toAthlete, toThresholds, type TrainingPeaksActivity } from "../transform/workouts";
import { withAccessToken } from "../auth/tokens";
import type { z } from "zod";

/** TrainingPeaks Partner API calls for one user (spec §5), with token refresh and one retry on 401. */

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

export async function fetchAthlete(userId: string) {
  return toAthlete(await tpGet(userId, "/v1/athlete/profile", tpProfileSchema));
}

export async function fetchThresholds(userId: string) {
  return toThresholds(await tpGet(userId, "/v1/athlete/profile/zones", tpZonesSchema));
}

export async function fetchWorkout(userId: string, id: string) {
  if (!/^\d{1,20}$/.test(id)) throw new RangeError("Invalid workout id");
  return toActivity(await tpGet(userId, `/v2/workouts/id/${id}`, tpWorkoutSchema));
}

/** Activities in an inclusive date range of any length: chunked to the API's 45-day limit. */
export async function fetchActivities(userId: string, start: string, end: string): Promise<TrainingPeaksActivity[]> {
  const chunks = splitDateRange(start, end, 45);
  const results: TrainingPeaksActivity[] = [];
  for (const chunk of chunks) {
    const list = await tpGet(userId, `/v2/workouts/${chunk.start}/${chunk.end}`, tpWorkoutListSchema);
    results.push(...list.map(toActivity));
  }
  const unique = new Map(results.map((a) => [a.id, a]));
  return sortActivities([...unique.values()]);
}
