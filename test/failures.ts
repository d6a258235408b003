import { isAppError, isProviderFailure } from "@/lib/errors/app-error";
import { isLoginError, isRetryableLogin, loginKindOf } from "@/server/providers/peloton/auth/login-errors";

/**
 * Test helpers: what a thrown AppError says, flattened so assertions read like the failure they check
 * (`{ code: "rate_limited", status: 429 }` for a provider failure, `{ code: "invalid_credentials", step }` for a login).
 */

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection, but the promise resolved");
    },
    (e: unknown) => e,
  );
}

export interface ProviderFailureFacts {
  provider: string | null;
  code: string;
  status: number | undefined;
  retryAfterSeconds: number | undefined;
  message: string;
  cause: unknown;
}

export function providerFacts(error: unknown): ProviderFailureFacts {
  if (!isProviderFailure(error)) throw new Error(`expected a provider failure, got ${String(error)}`);
  return { provider: error.provider, code: error.reason, status: error.upstreamStatus, retryAfterSeconds: error.retryAfterSeconds, message: error.message, cause: error.cause };
}

export async function providerFailure(promise: Promise<unknown>): Promise<ProviderFailureFacts> {
  return providerFacts(await rejectionOf(promise));
}

export interface LoginFailureFacts {
  code: string | null;
  step: unknown;
  observed: unknown;
  status: number | undefined;
  retryAfterSeconds: number | undefined;
  retryable: boolean;
  message: string;
  cause: unknown;
}

export function loginFacts(error: unknown): LoginFailureFacts {
  if (!isLoginError(error)) throw new Error(`expected a Peloton login failure, got ${isAppError(error) ? error.code : String(error)}`);
  return {
    code: loginKindOf(error),
    step: error.detail?.step,
    observed: error.detail?.observed,
    status: error.upstreamStatus,
    retryAfterSeconds: error.retryAfterSeconds,
    retryable: isRetryableLogin(error),
    message: error.message,
    cause: error.cause,
  };
}

export async function loginFailure(promise: Promise<unknown>): Promise<LoginFailureFacts> {
  return loginFacts(await rejectionOf(promise));
}
