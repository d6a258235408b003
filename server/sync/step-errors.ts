import "server-only";
import { isAppError, isProviderFailure } from "@/lib/errors/app-error";
import type { SyncPhase } from "@/lib/domain/sync";
import { isDeadlineExceeded } from "@/server/http/deadline";
import { log } from "@/server/log";
import { updateJob, type StepContext } from "./step-context";

/** Consecutive failed steps before the job pauses (with growing waits) instead of retrying at once. */
const STEP_FAILURES_BEFORE_PAUSE = 5;

/** A step's failure decides the job's next phase: paused (reconnect, rate limit, repeated errors) or the same phase, retried. */
export async function handleStepError(ctx: StepContext, error: unknown, phase: SyncPhase): Promise<SyncPhase> {
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

