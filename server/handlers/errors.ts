import "server-only";
import { isProviderError, formatWait, providerLabel } from "@/server/http/request";
import { PelotonLoginError } from "@/server/providers/peloton/auth/login-errors";
import type { UserFacingError } from "@/lib/errors/user-facing";
import { FitFileError, type FitFileErrorCode } from "@/lib/domain/activity";

/** Thrown when a query already decided what the user should see. */
export class UserFacingFailure extends Error {
  constructor(
    readonly detail: UserFacingError,
    options?: ErrorOptions,
  ) {
    super(detail.message, options);
    this.name = "UserFacingFailure";
  }
}

/** 413 for size, 415 when the bytes are not a FIT file at all, 400 for a FIT (or gzip) file we cannot read. */
const FIT_STATUS: Record<FitFileErrorCode, number> = { too_large: 413, not_fit: 415, empty: 400, gzip: 400, truncated: 400, corrupt: 400, no_records: 400 };

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof UserFacingFailure) return error.detail;
  if (error instanceof FitFileError) return { code: `fit_${error.code}`, message: error.message, status: FIT_STATUS[error.code] };
  if (error instanceof PelotonLoginError) {
    const status = error.code === "rate_limited" ? 429 : error.code === "unavailable" ? 502 : error.code === "invalid_credentials" ? 401 : 422;
    return { code: `peloton_${error.code}`, message: error.message, status, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (isProviderError(error)) {
    const label = providerLabel(error.provider);
    switch (error.code) {
      case "disconnected":
        return { code: "reconnect_required", message: error.message, status: 409 };
      case "rate_limited":
        return {
          code: "rate_limited",
          message:
            error.retryAfterSeconds !== undefined
              ? `${label} is rate limiting requests. Try again in ${formatWait(error.retryAfterSeconds)}.`
              : `${label} is rate limiting requests. Try again in a few minutes.`,
          status: 429,
          retryAfterSeconds: error.retryAfterSeconds,
        };
      case "unavailable":
        return { code: "provider_unavailable", message: error.message, status: 502 };
      case "forbidden":
        return { code: "forbidden", message: `${label} refused access to this data. It may need a premium account or a permission AutoCoach was not granted.`, status: 403 };
      case "not_found":
        return { code: "not_found", message: `${label} has no such item.`, status: 404 };
      case "bad_response":
        return { code: "bad_response", message: error.message, status: 502 };
      default:
        return { code: error.code, message: error.message, status: 502 };
    }
  }
  if (error instanceof RangeError) return { code: "invalid_input", message: error.message, status: 400 };
  return { code: "internal", message: "Something went wrong on our side. Please try again.", status: 500 };
}
