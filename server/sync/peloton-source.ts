import "server-only";
import { isProviderFailure, providerError } from "@/lib/errors/app-error";
import { getDb } from "@/server/db/client";
import { getMe, getUserOverview } from "@/server/providers/peloton/api/client";
import { createPelotonSession, type PelotonCallContext } from "@/server/providers/peloton/connection";
import { toPelotonProfile } from "@/server/providers/peloton/transform/profile";
import { getPerformanceGraph, getRideDetails, getWorkout, isJustRide, listInstructors, listWorkouts } from "@/server/providers/peloton/api/workouts";
import { toWorkoutRecord, transformInstructor, transformRide, transformWorkout } from "@/server/providers/peloton/transform/workout";
import { WorkoutGone, type ListedWorkout, type SyncSource } from "./source";

/** The sync's view of Peloton for one user: every call within the connection's request budget and token refresh. */
export interface PelotonSourceOptions {
  /** performance graph sample interval in seconds (1 = full fidelity) */
  everyN?: number;
  /** retries per request for 429/5xx/network errors (Retry-After honoured, backoff with jitter) */
  retries?: number;
  /** per-attempt timeout of each request in ms (default: the HTTP layer's 15 s) */
  timeoutMs?: number;
  /**
   * epoch ms the step must be done by: slot waits, retries' backoff and requests are all cut to the time left, and
   * a call that runs out fails with `deadline.exceeded` (the step then stops; nothing is marked failed)
   */
  deadline?: number;
}

export function createPelotonSource(userId: string, opts: PelotonSourceOptions = {}): SyncSource {
  let requests = 0;
  let requestMs = 0;
  const retries = opts.retries ?? 3;
  const everyN = opts.everyN ?? 1;
  let identity: Promise<{ pelotonUserId: string; fallbackFtp: number | null }> | null = null;

  function me() {
    identity ??= (async () => {
      const db = await getDb();
      const row = await db.pelotonConnection.findUnique({ where: { userId }, select: { pelotonUserId: true, profile: { select: { ftpWatts: true } } } });
      if (!row) throw providerError("peloton", "disconnected", "Peloton is not connected.");
      return { pelotonUserId: row.pelotonUserId, fallbackFtp: row.profile?.ftpWatts ?? null };
    })();
    return identity;
  }

  const session = createPelotonSession(userId, { deadline: opts.deadline });

  function call<T>(fn: (ctx: PelotonCallContext & { retries: number; timeoutMs?: number }) => Promise<T>): Promise<T> {
    requests += 1;
    return session(async (ctx) => {
      const t0 = performance.now();
      try {
        return await fn({ ...ctx, retries, timeoutMs: opts.timeoutMs });
      } finally {
        requestMs += performance.now() - t0;
      }
    });
  }

  return {
    get requestCount() {
      return requests;
    },
    get requestMs() {
      return requestMs;
    },

    async listPage(page, limit) {
      const { pelotonUserId } = await me();
      const list = await call((ctx) => listWorkouts({ ...ctx, userId: pelotonUserId, page, limit }));
      const items: ListedWorkout[] = list.data.map((w) => {
        const ride = w.ride && w.ride.id && !isJustRide(w.ride.id) ? w.ride : null;
        return {
          record: toWorkoutRecord(w),
          ride: ride?.id
            ? {
                id: ride.id,
                title: ride.title ?? "Peloton class",
                durationSeconds: Math.round(ride.duration ?? 0),
                discipline: ride.fitness_discipline ?? w.fitness_discipline ?? "other",
                instructorId: ride.instructor?.id ?? ride.instructor_id ?? null,
              }
            : null,
          instructor: ride?.instructor ? transformInstructor(ride.instructor) : null,
        };
      });
      return { items, total: list.total ?? items.length, pageCount: list.page_count ?? 1, showNext: list.show_next === true };
    },

    async fetchWorkout(pelotonWorkoutId) {
      const { fallbackFtp } = await me();
      // Both answers are awaited, so the workout's own failure decides whichever request failed first: its 404 means
      // the member deleted it on Peloton (WorkoutGone).
      const [asked, graphed] = await Promise.allSettled([
        call((ctx) => getWorkout({ ...ctx, workoutId: pelotonWorkoutId })),
        call((ctx) => getPerformanceGraph({ ...ctx, workoutId: pelotonWorkoutId, everyN })),
      ]);
      if (asked.status === "rejected") throw isProviderFailure(asked.reason, "not_found") ? new WorkoutGone(pelotonWorkoutId, asked.reason) : asked.reason;
      if (graphed.status === "rejected") throw graphed.reason;
      const workout = asked.value;
      const graph = graphed.value;
      const instructor = workout.ride?.instructor ? transformInstructor(workout.ride.instructor) : null;
      return { transformed: transformWorkout({ workout, graph, fallbackFtp }), instructor };
    },

    async fetchRide(rideId) {
      return transformRide(await call((ctx) => getRideDetails({ ...ctx, rideId })));
    },

    async listInstructors() {
      const all = [];
      for (let page = 0; page < 50; page++) {
        const list = await call((ctx) => listInstructors({ ...ctx, page }));
        all.push(...list.data.map(transformInstructor));
        if (!list.show_next || list.data.length === 0) break;
      }
      return all;
    },

    async fetchProfile() {
      const meJson = await call((ctx) => getMe(ctx));
      const overview = await call((ctx) => getUserOverview({ ...ctx, userId: meJson.id }));
      return toPelotonProfile({ me: meJson, overview });
    },
  };
}
