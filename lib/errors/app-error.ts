import { ERRORS, isErrorCode, PROVIDER_LABEL, PROVIDER_REASONS, type ErrorCode, type ProviderName, type ProviderReason } from "./codes";

/**
 * The one error type of the application. `code` says what happened (lib/errors/codes.ts gives its HTTP status and
 * default message); `message` is written for the user. Facts for the log only (a login step, what we observed, an
 * upstream status) go in `detail` and never reach a response.
 */
export interface AppErrorOptions {
  message?: string;
  cause?: unknown;
  retryAfterSeconds?: number;
  /** per-field messages for a form */
  fields?: Record<string, string>;
  /** the upstream HTTP status, when a provider answered */
  upstreamStatus?: number;
  detail?: Record<string, string | number | boolean | undefined>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly fields: Record<string, string> | undefined;
  readonly upstreamStatus: number | undefined;
  readonly detail: Record<string, string | number | boolean | undefined> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERRORS[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fields = options.fields;
    this.upstreamStatus = options.upstreamStatus;
    this.detail = options.detail;
  }

  /** The HTTP status a route answers with. */
  get status(): number {
    return ERRORS[this.code].status;
  }

  /** Our own failure: show a generic message and a reference, never this error's text. */
  get exposed(): boolean {
    return ERRORS[this.code].exposed !== false;
  }

  /** The provider a provider-level code belongs to (`peloton.rate_limited` → "peloton"). */
  get provider(): ProviderName | null {
    const area = this.code.split(".")[0];
    return area === "peloton" || area === "trainingpeaks" ? area : null;
  }

  /** The part after the area (`peloton.rate_limited` → "rate_limited"). */
  get reason(): string {
    return this.code.slice(this.code.indexOf(".") + 1);
  }
}

/** An AppError, optionally of one code or of one area (`"fit."`). */
export function isAppError(error: unknown, code?: ErrorCode | `${string}.`): error is AppError {
  if (!(error instanceof AppError)) return false;
  if (code === undefined) return true;
  return code.endsWith(".") ? error.code.startsWith(code) : error.code === code;
}

/** A provider failure of the given reason, whichever provider (`disconnected`, `rate_limited`, …). */
export function isProviderFailure(error: unknown, reason?: ProviderReason): error is AppError {
  return isAppError(error) && error.provider !== null && Object.hasOwn(PROVIDER_REASONS, error.reason) && (reason === undefined || error.reason === reason);
}

export function providerError(provider: ProviderName, reason: ProviderReason, message?: string, options: Omit<AppErrorOptions, "message"> = {}): AppError {
  return new AppError(`${provider}.${reason}`, { ...options, message });
}

export function providerLabel(provider: ProviderName): string {
  return PROVIDER_LABEL[provider];
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** A failure that crossed the wire (an action result, a route body) as an AppError again. */
export function fromFailure(failure: { code: string; message: string; fields?: Record<string, string>; retryAfterSeconds?: number }): AppError {
  const code: ErrorCode = isErrorCode(failure.code) ? failure.code : "internal";
  return new AppError(code, { message: failure.message, fields: failure.fields, retryAfterSeconds: failure.retryAfterSeconds });
}
