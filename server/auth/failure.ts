import "server-only";
import { isProviderFailure } from "@/lib/errors/app-error";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Auth.js turns every callback failure into one coarse error code. To tell the user *what* went wrong
 * (TrainingPeaks unreachable, rate limited, consent denied…), the auth route runs each request in an
 * AsyncLocalStorage context that the provider's fetch hooks and the logger fill in; the route then
 * rewrites the error redirect with the precise reason.
 */
export type SignInFailure =
  | { reason: "tp_unavailable" }
  | { reason: "tp_rate_limited"; retryAfterSeconds?: number }
  | { reason: "tp_rejected" }
  | { reason: "tp_bad_response" }
  | { reason: "state_mismatch" };

interface AuthRequestContext {
  failure?: SignInFailure;
}

const storage = new AsyncLocalStorage<AuthRequestContext>();

export function runWithAuthContext<T>(fn: () => Promise<T>): Promise<{ result: T; failure?: SignInFailure }> {
  const ctx: AuthRequestContext = {};
  return storage.run(ctx, async () => ({ result: await fn(), failure: ctx.failure }));
}

export function recordFailure(failure: SignInFailure): void {
  const ctx = storage.getStore();
  // The first (root) cause wins: later failures are consequences of it.
  if (ctx && !ctx.failure) ctx.failure = failure;
}

/** Classify an error thrown inside Auth.js (walks the cause chain). */
export function classifyAuthError(error: unknown): SignInFailure | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    if (isProviderFailure(e)) {
      if (e.reason === "unavailable") return { reason: "tp_unavailable" };
      if (e.reason === "rate_limited") return { reason: "tp_rate_limited", retryAfterSeconds: e.retryAfterSeconds };
      if (e.reason === "bad_response") return { reason: "tp_bad_response" };
      return { reason: "tp_rejected" };
    }
    if (e instanceof Error) {
      if (/state/i.test(e.message) && /(mismatch|missing|invalid|unexpected|could not be parsed)/i.test(e.message)) return { reason: "state_mismatch" };
      if (e.name === "InvalidCheck") return { reason: "state_mismatch" };
      e = e.cause;
    } else if (typeof e === "object" && e !== null && "cause" in e) {
      e = (e as { cause: unknown }).cause;
    } else break;
  }
  return undefined;
}
