import "server-only";

/** The Peloton client library: headless Auth0 login, token refresh, member API, profile transform. */
export { PELOTON_REAL_HOSTS } from "./constants";
export { loginWithPassword, type LoginOptions } from "./auth";
export type { LoginStepEvent } from "./auth-flow";
export { refreshTokens, shouldRefresh, decodeJwtClaims, type PelotonTokens, type RefreshOptions } from "./tokens";
export {
  PelotonLoginError,
  isPelotonLoginError,
  loginErrorToProviderError,
  loginErrorFromProviderError,
  type PelotonLoginErrorCode,
  type LoginStepName,
} from "./errors";
export { getMe, getUser, getUserOverview, pelotonApiGet, withTokenRefresh, DEFAULT_RATE_LIMIT_WAIT_SECONDS, type ApiCallOptions } from "./api";
export type { PelotonMe, PelotonUser, PelotonOverview } from "./schemas";
export { toPelotonProfile, resolveFtp, type PelotonProfile, type PelotonFtp, type FtpSource, type PelotonWorkoutTotals } from "./transform";
