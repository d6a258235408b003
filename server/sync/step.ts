import "server-only";
import type { Db } from "@/server/db/client";
import { log } from "@/server/log";
import { acquireLease, releaseLease } from "./job";
import { computeProgress } from "@/server/queries/sync";
import { ACTIVE_PHASES, isRunning, resumePhase, type SyncPhase, type SyncProgress } from "@/lib/domain/sync";
import { finalize } from "./finalize";
import { detailsChunk } from "./details-chunk";
import { listChunk } from "./list-chunk";
import { updateJob, timeLeft, type StepContext } from "./step-context";
import { handleStepError } from "./step-errors";
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

/** Time reserved at the end of every step for writing progress and releasing the lease. */
const STEP_WRAP_UP_MS = 400;

export async function runSyncStep(db: Db, userId: string, source: SyncSource, opts: StepOptions = {}): Promise<StepResult> {
  const budgetMs = opts.budgetMs ?? 8_000;
  const started = Date.now();
  let job = await db.syncJob.findFirst({ where: { userId, phase: { in: [...ACTIVE_PHASES] } }, orderBy: { startedAt: "desc" } });
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
    job = await db.syncJob.update({ where: { id: job.id }, data: { phase: resumePhase(job.listComplete), pauseReason: null, resumeAfter: null } });
  }
  const holder = await acquireLease(db, job.id, opts.leaseMs ?? budgetMs + 30_000);
  if (!holder) return result(await computeProgress(db, userId, job.id), true, true);

  const ctx: StepContext = {
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
    rideStubs: new Map(),
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
      } else if (phase === "details") {
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
    // Bookkeeping must not turn a finished step into a failed one: a dropped connection here costs a counter, and a
    // lease that cannot be released expires by itself (the next driver resumes from the saved cursor).
    const counted = db.syncJob.updateMany({ where: { id: job.id, leaseHolder: holder }, data: { requests: { increment: source.requestCount - requestsBefore }, steps: { increment: 1 } } });
    await counted.catch((error: unknown) => log.warn("sync.step.bookkeeping_failed", { userId, error }));
    await releaseLease(db, job.id, holder).catch((error: unknown) => log.warn("sync.step.release_failed", { userId, error }));
  }
  const progress = await computeProgress(db, userId, job.id);
  return result(progress, isRunning(phase), false, ctx.seriesBytes, (source.requestMs ?? 0) - requestMsBefore);
}

