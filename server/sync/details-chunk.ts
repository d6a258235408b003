import "server-only";
import { isAppError, isProviderFailure } from "@/lib/errors/app-error";
import type { SyncPhase } from "@/lib/domain/sync";
import { isDeadlineExceeded } from "@/server/http/deadline";
import { log } from "@/server/log";
import { updateJob, timeLeft, type StepContext } from "./step-context";
import type { StoredClassPlan } from "@/server/queries/workout-analysis-input";
import { dropGoneWorkout, flushSaves, markWorkoutFailed, saveRide, saveWorkout, upsertInstructors } from "./store";
import { WorkoutGone } from "./source";

/** Time to keep in hand at the end of a step: a generous estimate of one workout's duration. */
function reserveMs(durations: number[]): number {
  if (durations.length < 4) return 1_500;
  const sorted = [...durations].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 1_500;
  return Math.min(3_000, Math.max(250, p90 * 1.2));
}

/**
 * Phase 2: full detail, class and 1-second samples for pending workouts, newest first. A streaming queue
 * (refilled before it runs dry, no batch barriers) feeds twice as many workers as request slots: while one
 * worker transforms and writes, another's request is in flight, so the connection's slots (the real limit,
 * enforced in withPeloton) never sit idle.
 */
export async function detailsChunk(ctx: StepContext): Promise<SyncPhase> {
  const attempted = new Set<string>();
  const queue: string[] = [];
  const durations: number[] = [];
  const workers = ctx.concurrency * 2;
  let exhausted = false;
  let refilling: Promise<void> | null = null;
  let completed = 0;

  const refill = () =>
    (refilling ??= (async () => {
      const rows = await ctx.db.workout.findMany({
        where: { userId: ctx.userId, syncState: "pending", pelotonWorkoutId: { notIn: [...attempted, ...queue] } },
        orderBy: { startTime: "desc" },
        take: workers * 6,
        select: { pelotonWorkoutId: true, ride: { select: { id: true, detailsFetchedAt: true, segments: true, targets: true } } },
      });
      queue.push(...rows.map((r) => r.pelotonWorkoutId));
      // Classes whose details are stored already (written once, never changed after): read with the queue, not one
      // lookup per workout in ensureRide. Classes without details are fetched when they come up, without a lookup.
      for (const { ride } of rows) {
        if (!ride || ctx.rides.has(ride.id)) continue;
        const { detailsFetchedAt, segments, targets } = ride;
        if (detailsFetchedAt) ctx.rides.set(ride.id, Promise.resolve({ detailsFetchedAt, segments, targets }));
        else ctx.rideStubs.set(ride.id, { detailsFetchedAt, segments, targets });
      }
      if (rows.length === 0) exhausted = true;
    })().finally(() => {
      refilling = null;
    }));

  async function nextWorkout(): Promise<string | null> {
    for (;;) {
      if (queue.length <= workers && !exhausted) {
        const pending = refill();
        if (queue.length === 0) await pending;
      }
      const id = queue.shift();
      if (id) {
        attempted.add(id);
        return id;
      }
      if (exhausted) return null;
    }
  }

  let failure: { error: unknown } | null = null;
  // Workers hand a fetched workout to the write queue and go on fetching; the step waits for every save at its end.
  // A workout the database refused is marked failed; when even that fails (the database is gone), the step ends.
  const saves: Promise<void>[] = [];
  let storeFailure: { error: unknown } | null = null;
  const saved = (id: string, save: Promise<number>) =>
    save.then(
      (bytes) => {
        completed += 1;
        if (bytes) ctx.seriesBytes.push(bytes);
      },
      async (error: unknown) => {
        try {
          const message = error instanceof Error ? error.message : String(error);
          await markWorkoutFailed(ctx.db, ctx.userId, id, message);
          log.warn("sync.workout.failed", { userId: ctx.userId, pelotonWorkoutId: id, error });
        } catch (cause) {
          storeFailure ??= { error: cause };
        }
      },
    );
  async function worker(): Promise<void> {
    while (!failure && !storeFailure) {
      if (timeLeft(ctx) <= reserveMs(durations)) {
        ctx.outOfTime = true;
        return;
      }
      const id = await nextWorkout();
      if (!id) return;
      const t0 = Date.now();
      try {
        saves.push(saved(id, (await fetchToSave(ctx, id)).save));
      } catch (error) {
        // The step's time ran out mid-workout: it stays pending, untouched, for the next step.
        if (isDeadlineExceeded(error)) {
          ctx.outOfTime = true;
          return;
        }
        // The account, Peloton's limits or our own KV failing is the step's problem, not this workout's: end the
        // step (it is retried from the saved cursor) without charging the workout an attempt.
        if (isProviderFailure(error, "disconnected") || isProviderFailure(error, "rate_limited") || isAppError(error, "kv.unavailable")) {
          failure ??= { error };
          return;
        }
        if (error instanceof WorkoutGone) {
          await dropGoneWorkout(ctx.db, ctx.userId, id);
          log.info("sync.workout.gone", { userId: ctx.userId, pelotonWorkoutId: id });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          await markWorkoutFailed(ctx.db, ctx.userId, id, message);
          log.warn("sync.workout.failed", { userId: ctx.userId, pelotonWorkoutId: id, error });
        }
      }
      durations.push(Date.now() - t0);
    }
  }
  // A worker that breaks (the database gone while marking a workout failed) stops the others at their next workout;
  // either way every save already queued is written, or marked failed, before the step ends.
  await Promise.all(
    Array.from({ length: workers }, () =>
      worker().catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  flushSaves(ctx.db);
  await Promise.all(saves);
  await updateJob(ctx, { detailsDone: { increment: completed } });
  if (failure) throw (failure as { error: unknown }).error;
  if (storeFailure) throw (storeFailure as { error: unknown }).error;
  const remaining = exhausted && queue.length === 0 ? await ctx.db.workout.count({ where: { userId: ctx.userId, syncState: "pending" } }) : 1;
  return remaining === 0 ? "finalizing" : "details";
}

/**
 * How long a fetched workout may wait in the write queue for others to share its statement (workout-batch.ts): a few
 * workouts per statement instead of one, while a process killed meanwhile loses at most this much fetched work.
 */
const SAVE_LINGER_MS = 200;

/** Fetches the workout (and its class and instructor when new) and queues it for writing; `save` is the write. */
async function fetchToSave(ctx: StepContext, pelotonWorkoutId: string): Promise<{ save: Promise<number> }> {
  const fetched = await ctx.source.fetchWorkout(pelotonWorkoutId);
  // Written once per process and hour unless it changed (store.ts), so asking for every workout costs nothing.
  if (fetched.instructor) await upsertInstructors(ctx.db, [fetched.instructor]);
  const rideId = fetched.transformed.workout.pelotonRideId;
  const plan = rideId ? await ensureRide(ctx, rideId) : null;
  return { save: saveWorkout(ctx.db, ctx.userId, fetched.transformed, plan, { lingerMs: SAVE_LINGER_MS }) };
}

/**
 * Class details once per class id (shared by every user who took it), deduplicated within the step. Resolves with the
 * class's stored segments and targets, which the workout's analytics read (null when there is no such class row).
 */
function ensureRide(ctx: StepContext, rideId: string): Promise<StoredClassPlan | null> {
  const pending = ctx.rides.get(rideId);
  if (pending) return pending;
  const work = (async () => {
    const known =
      ctx.rideStubs.get(rideId) ??
      (await ctx.db.rideDetail.findUnique({ where: { id: rideId }, select: { detailsFetchedAt: true, segments: true, targets: true } }));
    if (known?.detailsFetchedAt) return known;
    try {
      return await saveRide(ctx.db, await ctx.source.fetchRide(rideId));
    } catch (error) {
      // A class Peloton no longer serves keeps its stub; the workout itself is still synced.
      if (isProviderFailure(error, "not_found")) {
        await ctx.db.rideDetail.updateMany({ where: { id: rideId }, data: { detailsFetchedAt: new Date() } });
        return known;
      }
      throw error;
    }
  })();
  ctx.rides.set(rideId, work);
  return work;
}
