/** Public values of Peloton's members web app and Auth0 tenant (docs/peloton-api.md §2.1). */
export const WEB_CLIENT_ID = "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM";
/** Said to be a mobile client (docs/peloton-api.md §2.8 [?]); known here only so its password grant is refused by name. */
export const MOBILE_CLIENT_ID = "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS";
export const API_AUDIENCE = "https://api.onepeloton.com/";
export const USERINFO_AUDIENCE = "https://peloton-prod.auth0.com/userinfo";
export const ISSUER = "https://auth.onepeloton.com/";
export const REDIRECT_URI = "https://members.onepeloton.com/callback";
export const MEMBERS_SITE = "https://members.onepeloton.com";
export const TENANT = "peloton-prod";
export const CONNECTION = "pelo-user-password";
export const DEFAULT_SCOPE = "offline_access openid peloton-api.members:default";
export const KNOWN_SCOPES = new Set(["openid", "offline_access", "peloton-api.members:default", "email", "profile"]);
export const USER_ID_CLAIM = "http://onepeloton.com/user_id";
export const JUST_RIDE_ID = "00000000000000000000000000000000";

export const TRANSACTION_TTL_MS = 30 * 60_000;
export const WRESULT_TTL_MS = 10 * 60_000;
export const ID_TOKEN_TTL_SECONDS = 10 * 3600;
/** How long an account stays blocked once brute-force protection trips. */
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;
