import "server-only";
import { AppError, isAppError, isProviderFailure } from "@/lib/errors/app-error";
import type { Db } from "@/server/db/client";
import { isDeadlineExceeded } from "@/server/http/deadline";
import { log } from "@/server/log";
import { acquireLease, releaseLease } from "./job";
import { computeProgress } from "@/server/queries/sync";
import type { SyncPhase, SyncProgress } from "@/lib/domain/sync";
import { finalize } from "./finalize";
import { insertWorkoutStubs, markWorkoutFailed, saveRide, saveWorkout, upsertInstructors } from "./store";
import type { SyncSource } from "./source";

/**
 * One bounded step of a sync job: takes the lease, advances the job phase by phase until the time
 * budget is used, saves the cursor, releases the lease. Safe to run again at any point.
 */
export interface StepOptions {
  /** wall-time budget for the step (a serverless function's limit minus a margin) */
  budgetMs?: number;
  /** parallel requests per connection (docs/peloton-api.md §7 politeness) */
  concurrency?: number;
  pageSize?: number;
  /** how long the step's lease lasts; must cover the budget plus the slowest request with its retries */
  leaseMs?: number;
  /** work after an incremental sync (Auto-send new rides), run in bounded chunks as the "uploading" phase */
  afterIncremental?: AfterSyncWork;
}

export interface AfterSyncWork {
  /** queue the job's work; returns how many items wait */
  enqueue(jobStartedAt: Date): Promise<number>;
  /** one bounded chunk; true while items still wait */
  chunk(deadline: number): Promise<boolean>;
}

export interface StepResult {
  progress: SyncProgress | null;
  /** another step is already running for this user */
  busy: boolean;
  /** the job needs more steps */
  more: boolean;
  /** bytes of series stored during this step, and ms spent waiting on Peloton (benchmark) */
  seriesBytes: number[];
  requestMs: number;
}

interface Ctx {
  db: Db;
  userId: string;
  jobId: string;
  holder: string;
  source: SyncSource;
  deadline: number;
  concurrency: number;
  pageSize: number;
  seriesBytes: number[];
  /** ride ids fetched (or being fetched) in this step */
  rides: Map<string, Promise<void>>;
  /** instructor ids already written in this step */
  instructors: Set<string>;
  /** the details workers stopped because too little time was left: end the step rather than loop */
  outOfTime: boolean;
}

/** Time reserved at the end of every step for writing progress and releasing the lease. */
const STEP_WRAP_UP_MS = 400;

/** Consecutive failed steps before the job pauses (with growing waits) instead of retrying at once. */
const STEP_FAILURES_BEFORE_PAUSE = 5;
/** Full list passes before a list that stays short of Peloton's total is accepted. */
const MAX_LIST_PASSES = 3;

async function updateJob(ctx: Ctx, data: Parameters<Db["syncJob"]["updateMany"]>[0]["data"]): Promise<void> {
  const res = await ctx.db.syncJob.updateMany({ where: { id: ctx.jobId, leaseHolder: ctx.holder }, data });
  if (res.count === 0) throw new AppError("sync.lease_lost", { message: "the step lease expired" });
}

const timeLeft = (ctx: Ctx) => ctx.deadline - Date.now();

const isRunning = (phase: SyncPhase) => phase === "listing" || phase === "details" || phase === "finalizing" || phase === "uploading";

export async function runSyncStep(db: Db, userId: string, source: SyncSource, opts: StepOptions = {}): Promise<StepResult> {
  const budgetMs = opts.budgetMs ?? 8_000;
  const started = Date.now();
  let job = await db.syncJob.findFirst({ where: { userId, phase: { in: ["listing", "details", "finalizing", "uploading", "paused"] } }, orderBy: { startedAt: "desc" } });
  const result = (progress: SyncProgress | null, more: boolean, busy = false, seriesBytes: number[] = [], requestMs = 0): StepResult => ({
    progress,
    more,
    busy,
    seriesBytes,
    requestMs,
  });
  if (!job) return result(await computeProgress(db, userId), false);
  if (job.phase === "paused") {
    if (!job.resumeAfter || job.resumeAfter.getTime() > Date.now()) return result(await computeProgress(db, userId, job.id), false);
    job = await db.syncJob.update({ where: { id: job.id }, data: { phase: job.listComplete ? "details" : "listing", pauseReason: null, resumeAfter: null } });
  }
  const holder = await acquireLease(db, job.id, opts.leaseMs ?? budgetMs + 30_000);
  if (!holder) return result(await computeProgress(db, userId, job.id), true, true);

  const ctx: Ctx = {
    db,
    userId,
    jobId: job.id,
    holder,
    source,
    // Keep a moment for the step's own bookkeeping (progress, lease release) inside the budget.
    deadline: started + budgetMs - STEP_WRAP_UP_MS,
    concurrency: opts.concurrency ?? 4,
    pageSize: opts.pageSize ?? 100,
    seriesBytes: [],
    rides: new Map(),
    instructors: new Set(),
    outOfTime: false,
  };
  const requestsBefore = source.requestCount;
  const requestMsBefore = source.requestMs ?? 0;
  let phase: SyncPhase = job.phase;
  try {
    // Each phase function does a bounded chunk and returns the phase to continue with.
    while (timeLeft(ctx) > 0 && isRunning(phase)) {
      if (phase === "listing") {
        phase = await listChunk(ctx, job.kind === "full");
        // End the step as soon as the list is complete so the history shows up right away.
        if (phase !== "listing") {
          await updateJob(ctx, { phase });
          break;
        }
      }
      else if (phase === "details") {
        phase = await detailsChunk(ctx);
        if (ctx.outOfTime) {
          await updateJob(ctx, { phase, failedCount: 0 });
          break;
        }
      } else if (phase === "finalizing") {
        phase = await finalize(ctx.db, ctx.userId, ctx.source, job.kind === "full", () => updateJob(ctx, { updatedAt: new Date() }));
        if (phase === "done" && job.kind === "incremental" && opts.afterIncremental) {
          phase = (await opts.afterIncremental.enqueue(job.startedAt)) > 0 ? "uploading" : "done";
        }
      } else phase = opts.afterIncremental && (await opts.afterIncremental.chunk(ctx.deadline)) ? "uploading" : "done";
      if (phase === "done") await updateJob(ctx, { phase: "done", finishedAt: new Date(), failedCount: 0 });
      else await updateJob(ctx, { phase, failedCount: 0 });
    }
  } catch (error) {
    phase = await handleStepError(ctx, error, phase);
  } finally {
    await db.syncJob.updateMany({ where: { id: job.id, leaseHolder: holder }, data: { requests: { increment: source.requestCount - requestsBefore }, steps: { increment: 1 } } });
    await releaseLease(db, job.id, holder);
  }
  const progress = await computeProgress(db, userId, job.id);
  return result(progress, isRunning(phase), false, ctx.seriesBytes, (source.requestMs ?? 0) - requestMsBefore);
}

async function handleStepError(ctx: Ctx, error: unknown, phase: SyncPhase): Promise<SyncPhase> {
  // Out of time is no failure: the next step continues from the saved cursor.
  if (isAppError(error, "sync.lease_lost") || isDeadlineExceeded(error)) return phase;
  if (isProviderFailure(error, "disconnected")) {
    await updateJob(ctx, { phase: "paused", pauseReason: "reconnect_required", lastError: error.message });
    return "paused";
  }
  if (isProviderFailure(error, "rate_limited")) {
    const wait = error.retryAfterSeconds ?? 60;
    await updateJob(ctx, { phase: "paused", pauseReason: "rate_limited", resumeAfter: new Date(Date.now() + wait * 1000), lastError: error.message });
    return "paused";
  }
  // Anything else (Peloton down, a bug): keep the phase; the next step retries from the saved cursor.
  const message = error instanceof Error ? error.message : String(error);
  log.warn("sync.step.error", { userId: ctx.userId, phase, error });
  const failures = ((await ctx.db.syncJob.findUnique({ where: { id: ctx.jobId }, select: { failedCount: true } }))?.failedCount ?? 0) + 1;
  if (failures >= STEP_FAILURES_BEFORE_PAUSE) {
    const waitSeconds = Math.min(3600, 60 * 2 ** (failures - STEP_FAILURES_BEFORE_PAUSE));
    await updateJob(ctx, {
      phase: "paused",
      pauseReason: "error",
      resumeAfter: new Date(Date.now() + waitSeconds * 1000),
      failedCount: failures,
      lastError: message.slice(0, 500),
    }).catch(() => undefined);
    return "paused";
  }
  await updateJob(ctx, { lastError: message.slice(0, 500), failedCount: failures }).catch(() => undefined);
  return phase;
}

/** Phase 1: list pages (several at once once the page count is known) and insert workout stubs. */
async function listChunk(ctx: Ctx, full: boolean): Promise<SyncPhase> {
  const job = await ctx.db.syncJob.findUniqueOrThrow({ where: { id: ctx.jobId } });
  // Incremental syncs walk newest-first and stop at the first known workout; later passes walk everything.
  const walkAll = full || job.listPasses > 0;
  let remoteTotal = job.remoteTotal;
  let page = job.listPage;
  let stop = false;

  if (walkAll) {
    // A sliding window of `concurrency` pages in flight; each page's stubs are written as soon as it arrives,
    // while the other fetches continue. Before the total is known the first window is fetched at once (pages
    // past the end come back empty). The cursor is the lowest page not yet written.
    let pageCount = remoteTotal === null ? page + ctx.concurrency : Math.max(1, Math.ceil(remoteTotal / ctx.pageSize));
    const written = new Set<number>();
    let next = page;
    const worker = async () => {
      while (next < pageCount && timeLeft(ctx) > 500) {
        const n = next++;
        const p = await ctx.source.listPage(n, ctx.pageSize).catch((error: unknown) => (isDeadlineExceeded(error) ? null : Promise.reject(error)));
        if (!p) return;
        remoteTotal = p.total;
        pageCount = Math.max(1, Math.ceil(p.total / ctx.pageSize));
        await insertWorkoutStubs(ctx.db, ctx.userId, p.items);
        written.add(n);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency, pageCount - page)) }, worker));
    while (written.has(page)) page += 1;
    stop = page >= pageCount;
  } else {
    const p = await ctx.source.listPage(page, ctx.pageSize);
    remoteTotal = p.total;
    const { knownComplete } = await insertWorkoutStubs(ctx.db, ctx.userId, p.items);
    page += 1;
    stop = !p.showNext || p.items.length === 0 || (!walkAll && knownComplete > 0);
  }

  const listed = await ctx.db.workout.count({ where: { userId: ctx.userId } });
  if (!stop) {
    await updateJob(ctx, { listPage: page, remoteTotal, listed });
    return "listing";
  }
  // A list that came up short of Peloton's total (it shifted under us) gets another pass from the top.
  if (remoteTotal !== null && listed < remoteTotal && job.listPasses < MAX_LIST_PASSES) {
    await updateJob(ctx, { listPage: 0, listPasses: { increment: 1 }, remoteTotal, listed });
    return "listing";
  }
  const detailsTotal = await ctx.db.workout.count({ where: { userId: ctx.userId, syncState: "pending" } });
  await updateJob(ctx, { listPage: page, remoteTotal, listed, listComplete: true, detailsTotal });
  return "details";
}

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
async function detailsChunk(ctx: Ctx): Promise<SyncPhase> {
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
        select: { pelotonWorkoutId: true },
      });
      queue.push(...rows.map((r) => r.pelotonWorkoutId));
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
  async function worker(): Promise<void> {
    while (!failure) {
      if (timeLeft(ctx) <= reserveMs(durations)) {
        ctx.outOfTime = true;
        return;
      }
      const id = await nextWorkout();
      if (!id) return;
      const t0 = Date.now();
      try {
        await syncOneWorkout(ctx, id);
        completed += 1;
      } catch (error) {
        // The step's time ran out mid-workout: it stays pending, untouched, for the next step.
        if (isDeadlineExceeded(error)) {
          ctx.outOfTime = true;
          return;
        }
        if (isProviderFailure(error, "disconnected") || isProviderFailure(error, "rate_limited")) {
          failure ??= { error };
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        await markWorkoutFailed(ctx.db, ctx.userId, id, message);
        log.warn("sync.workout.failed", { userId: ctx.userId, pelotonWorkoutId: id, error });
      }
      durations.push(Date.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: workers }, () => worker()));
  await updateJob(ctx, { detailsDone: { increment: completed } });
  if (failure) throw (failure as { error: unknown }).error;
  const remaining = exhausted && queue.length === 0 ? await ctx.db.workout.count({ where: { userId: ctx.userId, syncState: "pending" } }) : 1;
  return remaining === 0 ? "finalizing" : "details";
}

async function syncOneWorkout(ctx: Ctx, pelotonWorkoutId: string): Promise<void> {
  const fetched = await ctx.source.fetchWorkout(pelotonWorkoutId);
  if (fetched.instructor && !ctx.instructors.has(fetched.instructor.pelotonId)) {
    ctx.instructors.add(fetched.instructor.pelotonId);
    await upsertInstructors(ctx.db, [fetched.instructor]);
  }
  const rideId = fetched.transformed.workout.pelotonRideId;
  if (rideId) await ensureRide(ctx, rideId);
  const bytes = await saveWorkout(ctx.db, ctx.userId, fetched.transformed);
  if (bytes) ctx.seriesBytes.push(bytes);
}

/** Class details once per class id (shared by every user who took it), deduplicated within the step. */
async function ensureRide(ctx: Ctx, rideId: string): Promise<void> {
  const pending = ctx.rides.get(rideId);
  if (pending) return pending;
  const work = (async () => {
    const known = await ctx.db.rideDetail.findUnique({ where: { id: rideId }, select: { detailsFetchedAt: true } });
    if (known?.detailsFetchedAt) return;
    try {
      await saveRide(ctx.db, await ctx.source.fetchRide(rideId));
    } catch (error) {
      // A class Peloton no longer serves keeps its stub; the workout itself is still synced.
      if (isProviderFailure(error, "not_found")) {
        await ctx.db.rideDetail.updateMany({ where: { id: rideId }, data: { detailsFetchedAt: new Date() } });
        return;
      }
      throw error;
    }
  })();
  ctx.rides.set(rideId, work);
  return work;
}
