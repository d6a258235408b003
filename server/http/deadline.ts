import "server-only";
import { AppError, isAppError } from "@/lib/errors/app-error";

/**
 * A deadline is an epoch-ms instant by which a piece of work (a sync step) must be done. Everything that waits on
 * its behalf (a request slot, a retry's backoff, a request itself) is capped by the time left, and gives up with
 * `deadline.exceeded` rather than overrunning: the caller stops cleanly and continues next time.
 */

/** Whole milliseconds left before `deadline` (Infinity without one; never negative): timers want integers. */
export function timeLeft(deadline: number | undefined, now = Date.now()): number {
  return deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(deadline - now));
}

export function deadlineExceeded(what: string, cause?: unknown): AppError {
  return new AppError("deadline.exceeded", { message: `No time left for ${what} before the deadline`, cause, detail: { what } });
}

export function isDeadlineExceeded(error: unknown): boolean {
  return isAppError(error, "deadline.exceeded");
}

/** Throws `deadline.exceeded` when nothing is left of the deadline. */
export function assertTimeLeft(deadline: number | undefined, what: string): void {
  if (timeLeft(deadline) <= 0) throw deadlineExceeded(what);
}
