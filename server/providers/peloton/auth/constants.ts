import "server-only";

/** Real Peloton hosts. Callers pass the configured ones (a local simulator in demo mode and tests). */
export const PELOTON_REAL_HOSTS = {
  authBaseUrl: "https://auth.onepeloton.com",
  apiBaseUrl: "https://api.onepeloton.com",
} as const;

/** Public values of the members web app (docs/peloton-api.md §2.1). */
export const PELOTON_AUTH = {
  clientId: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
  /** The trailing slash is part of the value. */
  audience: "https://api.onepeloton.com/",
  /** `offline_access` is what makes Auth0 return a refresh token. */
  scope: "offline_access openid peloton-api.members:default",
  /** Peloton's own callback: we read `code` from the Location header and never load this URL. */
  redirectUri: "https://members.onepeloton.com/callback",
  tenant: "peloton-prod",
  connection: "pelo-user-password",
  /** base64 of {"name":"auth0.js-ulp","version":"9.14.3"}; sent as the Auth0-Client header and the auth0Client query param. */
  auth0Client: "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9",
  paths: {
    authorize: "/authorize",
    credentials: "/usernamepassword/login",
    callback: "/login/callback",
    token: "/oauth/token",
  },
} as const;

/** JWT claim that carries the 32-hex Peloton user id. */
export const PELOTON_USER_ID_CLAIM = "http://onepeloton.com/user_id";

/**
 * The login replays what a desktop browser does; a browser UA on every hop is the safer choice (docs/peloton-api.md §2.4).
 * The member API accepts any UA (docs/peloton-api.md §4), so there we say who we are.
 */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
export const API_USER_AGENT = "AutoCoach/0.1 (+peloton-member-api)";

/** Redirect hops followed in one chain (docs/peloton-api.md §2.5: clients follow at most 10–12). */
export const MAX_REDIRECT_HOPS = 12;

/** Per-request timeout for the login hops and token calls. */
export const AUTH_TIMEOUT_MS = 15_000;
