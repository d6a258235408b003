import "server-only";
import { formatWait, ProviderError, type ProviderErrorCode } from "@/server/http/request";

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

/**
 * A failed credential login. `message` is written for the user; `code`, `step`, `status` and `observed` are for logs.
 * The library never retries a login by itself: repeated failures are what trip Peloton's brute-force lock (docs/peloton-api.md §7).
 */
export class PelotonLoginError extends Error {
  readonly code: PelotonLoginErrorCode;
  readonly step: LoginStepName | undefined;
  readonly status: number | undefined;
  readonly observed: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: PelotonLoginErrorCode, details: PelotonLoginErrorDetails = {}) {
    super(loginErrorMessage(code, details), { cause: details.cause });
    this.name = "PelotonLoginError";
    this.code = code;
    this.step = details.step;
    this.status = details.status;
    this.observed = details.observed;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** True when trying again later, with the same credentials, may work. Wrong passwords, locks and MFA never are. */
  get retryable(): boolean {
    return this.code === "rate_limited" || this.code === "unavailable" || this.code === "state_mismatch";
  }
}

export function isPelotonLoginError(error: unknown, code?: PelotonLoginErrorCode): error is PelotonLoginError {
  return error instanceof PelotonLoginError && (code === undefined || error.code === code);
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

const TO_PROVIDER_CODE: Record<PelotonLoginErrorCode, ProviderErrorCode> = {
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

/** For callers that only speak ProviderError (sync jobs, the action pipeline); the user message is kept. */
export function loginErrorToProviderError(error: PelotonLoginError): ProviderError {
  return new ProviderError("peloton", TO_PROVIDER_CODE[error.code], error.message, {
    status: error.status,
    retryAfterSeconds: error.retryAfterSeconds,
    cause: error,
  });
}

/** A ProviderError met during the login (e.g. from a shared helper) as a login error of the step it happened in. */
export function loginErrorFromProviderError(error: ProviderError, step: LoginStepName): PelotonLoginError {
  const details = { step, status: error.status, retryAfterSeconds: error.retryAfterSeconds, cause: error };
  if (error.code === "rate_limited") return new PelotonLoginError("rate_limited", details);
  if (error.code === "unavailable") return new PelotonLoginError("unavailable", details);
  return new PelotonLoginError("login_page_changed", { ...details, observed: `unexpected ${error.code} answer` });
}
