import "server-only";
import { AppError, isAppError, providerError, formatWait } from "@/lib/errors/app-error";
import type { ErrorCode, ProviderReason } from "@/lib/errors/codes";

/** The hops of the headless login (docs/peloton-api.md §2.3–§2.6) plus the refresh grant (§2.7). */
export type LoginStepName = "authorize" | "login_page" | "credentials" | "callback" | "redirect" | "token_exchange" | "refresh";

const STEP_LABEL: Record<LoginStepName, string> = {
  authorize: "opening the sign-in page",
  login_page: "reading the sign-in page",
  credentials: "sending the email and password",
  callback: "confirming the sign-in",
  redirect: "following the sign-in redirects",
  token_exchange: "exchanging the sign-in code for tokens",
  refresh: "refreshing the access token",
};

export type PelotonLoginErrorCode =
  | "invalid_credentials"
  | "account_locked"
  | "verification_required"
  | "login_page_changed"
  | "rate_limited"
  | "unavailable"
  | "state_mismatch"
  | "too_many_redirects";

export interface PelotonLoginErrorDetails {
  step?: LoginStepName;
  status?: number;
  /** What we saw, free of secrets: a missing field, an Auth0 error code, a content type. Never a value we sent or got. */
  observed?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

const CODE: Record<PelotonLoginErrorCode, ErrorCode> = {
  invalid_credentials: "peloton.bad_credentials",
  account_locked: "peloton.account_locked",
  verification_required: "peloton.verification_required",
  login_page_changed: "peloton.login_page_changed",
  rate_limited: "peloton.rate_limited",
  unavailable: "peloton.unavailable",
  state_mismatch: "peloton.state_mismatch",
  too_many_redirects: "peloton.too_many_redirects",
};

/**
 * A failed credential login as an AppError: `message` is written for the user; the step, the upstream status and what
 * was observed go to the log only. The library never retries a login by itself: repeated failures are what trip
 * Peloton's brute-force lock (docs/peloton-api.md §7).
 */
export function loginError(kind: PelotonLoginErrorCode, details: PelotonLoginErrorDetails = {}): AppError {
  return new AppError(CODE[kind], {
    message: loginErrorMessage(kind, details),
    cause: details.cause,
    retryAfterSeconds: details.retryAfterSeconds,
    upstreamStatus: details.status,
    detail: { step: details.step, observed: details.observed },
  });
}

/** A login failure, optionally of one kind. */
export function isLoginError(error: unknown, kind?: PelotonLoginErrorCode): error is AppError {
  if (!isAppError(error)) return false;
  return kind === undefined ? Object.values(CODE).includes(error.code) : error.code === CODE[kind];
}

/** True when trying again later, with the same credentials, may work. Wrong passwords, locks and MFA never are. */
export function isRetryableLogin(error: AppError): boolean {
  return error.code === "peloton.rate_limited" || error.code === "peloton.unavailable" || error.code === "peloton.state_mismatch";
}

function where(details: PelotonLoginErrorDetails): string {
  const parts = [
    details.step ? `while ${STEP_LABEL[details.step]}` : undefined,
    details.status !== undefined && details.status > 0 ? `HTTP ${details.status}` : undefined,
    details.observed,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? ` (${parts.join("; ")})` : "";
}

function loginErrorMessage(code: PelotonLoginErrorCode, details: PelotonLoginErrorDetails): string {
  const wait = details.retryAfterSeconds !== undefined ? `about ${formatWait(details.retryAfterSeconds)}` : undefined;
  switch (code) {
    case "invalid_credentials":
      return "Peloton did not accept that email and password. Check them and try again; after several wrong attempts Peloton blocks sign-in for a while.";
    case "account_locked":
      return (
        "Peloton has temporarily blocked sign-in for this account after too many attempts. " +
        `Wait ${wait ?? "a while (often 15 minutes or more)"} before trying again; AutoCoach will not retry on its own. ` +
        "If it stays blocked, reset your password on onepeloton.com."
      );
    case "verification_required":
      return (
        "Peloton asked for an extra verification step (a code by email, text or an authenticator app). " +
        "AutoCoach cannot complete that step for you. Sign in once on onepeloton.com to clear it, or turn off the extra verification, then connect again."
      );
    case "login_page_changed":
      return `Peloton changed its sign-in page, so AutoCoach could not sign in${where(details)}. Your password was not the problem; AutoCoach needs an update. Please try again later.`;
    case "rate_limited":
      return `Peloton is limiting sign-in requests right now. Try again in ${wait ?? "a few minutes"}.`;
    case "unavailable":
      return `Could not reach Peloton${where(details)}. Check your connection or try again later.`;
    case "state_mismatch":
      return "Peloton's sign-in answer did not match the sign-in AutoCoach started, so it was discarded for safety. Try connecting again.";
    case "too_many_redirects":
      return `Peloton's sign-in went through too many redirects, so AutoCoach stopped${where(details)}. Try again later.`;
  }
}

const AS_PROVIDER_REASON: Record<PelotonLoginErrorCode, ProviderReason> = {
  // The stored credentials no longer work: the user has to enter them again.
  invalid_credentials: "disconnected",
  account_locked: "forbidden",
  verification_required: "forbidden",
  login_page_changed: "bad_response",
  rate_limited: "rate_limited",
  unavailable: "unavailable",
  state_mismatch: "bad_response",
  too_many_redirects: "bad_response",
};

/** For callers that think in provider failures (sync jobs): the user message is kept. */
export function loginErrorAsProviderFailure(error: AppError): AppError {
  const kind = loginKindOf(error);
  if (!kind) return error;
  return providerError("peloton", AS_PROVIDER_REASON[kind], error.message, {
    upstreamStatus: error.upstreamStatus,
    retryAfterSeconds: error.retryAfterSeconds,
    cause: error,
  });
}

/** A provider failure met during the login (e.g. from a shared helper) as a login error of the step it happened in. */
export function loginErrorFromProviderFailure(error: AppError, step: LoginStepName): AppError {
  const details = { step, status: error.upstreamStatus, retryAfterSeconds: error.retryAfterSeconds, cause: error };
  if (error.reason === "rate_limited") return loginError("rate_limited", details);
  if (error.reason === "unavailable") return loginError("unavailable", details);
  return loginError("login_page_changed", { ...details, observed: `unexpected ${error.reason} answer` });
}

/** The login failure kind of an AppError (`peloton.bad_credentials` → "invalid_credentials"), or null. */
export function loginKindOf(error: AppError): PelotonLoginErrorCode | null {
  return (Object.keys(CODE) as PelotonLoginErrorCode[]).find((k) => CODE[k] === error.code) ?? null;
}
