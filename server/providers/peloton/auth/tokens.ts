import "server-only";
import { loginError } from "./login-errors";
import { providerError } from "@/lib/errors/app-error";
import { errorFromStatus, parseRetryAfter } from "@/server/http/request";
import { auth0ErrorCode, failureFor, flowFetch, readText, type FlowContext, type LoginStepEvent } from "./login-flow";
import { AUTH_TIMEOUT_MS, BROWSER_USER_AGENT, PELOTON_AUTH, PELOTON_USER_ID_CLAIM } from "./constants";
import { jwtClaimsSchema, tokenResponseSchema, type JwtClaims, type TokenResponse } from "./token-schemas";

export interface PelotonTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The `http://onepeloton.com/user_id` claim of the access token; null if Peloton stops sending it (then use getMe). */
  userId: string | null;
  scope: string;
}

/** Decode a JWT's payload without verifying it: we are the client, the API verifies. Undefined when not a JWT. */
export function decodeJwtClaims(jwt: string): JwtClaims | undefined {
  const payload = jwt.split(".")[1];
  if (!payload) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = jwtClaimsSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export type TokenParseResult = { ok: true; tokens: PelotonTokens } | { ok: false; missing: "access_token" | "refresh_token" | "expiry" };

/** Our token record from a parsed /oauth/token answer. `expires_in` is seconds (P2G's hours bug is not copied). */
export function tokensFromResponse(body: unknown, nowMs: number, previousRefreshToken?: string): TokenParseResult {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, missing: "access_token" };
  const data: TokenResponse = parsed.data;
  const claims = decodeJwtClaims(data.access_token);
  const expiresAt = data.expires_in ? nowMs + data.expires_in * 1000 : claims?.exp ? claims.exp * 1000 : undefined;
  if (expiresAt === undefined) return { ok: false, missing: "expiry" };
  // Refresh normally rotates the token (docs/peloton-api.md §2.7); if Peloton ever answers without one, the old one stays valid.
  const refreshToken = data.refresh_token || previousRefreshToken;
  if (!refreshToken) return { ok: false, missing: "refresh_token" };
  return {
    ok: true,
    tokens: {
      accessToken: data.access_token,
      refreshToken,
      expiresAt,
      userId: claims?.[PELOTON_USER_ID_CLAIM] || null,
      scope: data.scope ?? PELOTON_AUTH.scope,
    },
  };
}

/** Refresh ahead of expiry: within `marginMs` (default 6 h, docs/peloton-api.md §2.7) of `expiresAt`. */
export function shouldRefresh(tokens: Pick<PelotonTokens, "expiresAt">, nowMs = Date.now(), marginMs = 6 * 3600_000): boolean {
  return tokens.expiresAt - nowMs <= marginMs;
}

function tokenUrl(authBaseUrl: string): URL {
  return new URL(PELOTON_AUTH.paths.token, authBaseUrl);
}

/** Step 4 of the login (docs/peloton-api.md §2.6): code + PKCE verifier → tokens. Errors are login errors of step `token_exchange`. */
export async function exchangeCode(
  ctx: FlowContext,
  opts: { authBaseUrl: string; code: string; verifier: string; now?: () => number },
): Promise<PelotonTokens> {
  const response = await flowFetch(ctx, "token_exchange", tokenUrl(opts.authBaseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      grant_type: "authorization_code",
      client_id: PELOTON_AUTH.clientId,
      code_verifier: opts.verifier,
      code: opts.code,
      redirect_uri: PELOTON_AUTH.redirectUri,
    }),
  });
  const text = await readText(response, "token_exchange");
  if (!response.ok) throw failureFor("token_exchange", response, text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw loginError("login_page_changed", { step: "token_exchange", status: response.status, observed: "token answer is not JSON", cause });
  }
  const result = tokensFromResponse(body, (opts.now ?? Date.now)());
  if (!result.ok) {
    throw loginError("login_page_changed", { step: "token_exchange", status: response.status, observed: `token answer has no ${result.missing}` });
  }
  return result.tokens;
}

/** How a call to Peloton's auth host is made (login and refresh alike). */
export interface AuthCallOptions {
  /** PELOTON_REAL_HOSTS.authBaseUrl in production, the simulator's URL in demo mode and tests. */
  authBaseUrl: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Called once per HTTP exchange, for logs; carries no secrets. */
  onStep?: (step: LoginStepEvent) => void;
  now?: () => number;
}

export interface RefreshOptions extends AuthCallOptions {
  refreshToken: string;
}

/**
 * Refresh grant (docs/peloton-api.md §2.7). Rotation: the answer's refresh token replaces the old one, which is dead from then on, so
 * store the result before using it and never run two refreshes of one token at once. Not retried here: if the answer
 * is lost after Peloton rotated, a retry would present a dead token. A dead or revoked token →
 * ProviderError "disconnected" (a full login is needed); everything else keeps its http.ts code.
 */
export async function refreshTokens(opts: RefreshOptions): Promise<PelotonTokens> {
  const url = tokenUrl(opts.authBaseUrl);
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? AUTH_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const started = performance.now();
  const report = (status: number) =>
    opts.onStep?.({ name: "refresh", status, ms: Math.round(performance.now() - started), host: url.host, path: url.pathname });
  let response: Response;
  try {
    response = await (opts.fetchImpl ?? fetch)(url.toString(), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "User-Agent": BROWSER_USER_AGENT },
      body: JSON.stringify({ grant_type: "refresh_token", client_id: PELOTON_AUTH.clientId, refresh_token: opts.refreshToken }),
      redirect: "manual",
      signal,
    });
  } catch (cause) {
    report(0);
    if (opts.signal?.aborted) throw cause;
    const message = timeout.aborted ? "Peloton did not answer in time. Try again later." : "Could not reach Peloton. Check your connection or try again later.";
    throw providerError("peloton", "unavailable", message, { cause });
  }
  report(response.status);
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    const code = auth0ErrorCode(text);
    if (code === "invalid_grant" && response.status >= 400 && response.status < 500) {
      throw providerError("peloton", "disconnected", "Peloton no longer accepts AutoCoach's saved sign-in. Connect your Peloton account again.", {
        upstreamStatus: response.status,
      });
    }
    if (response.status === 429 || response.status >= 500) {
      throw errorFromStatus("peloton", response.status, parseRetryAfter(response.headers.get("retry-after")));
    }
    throw providerError("peloton", "invalid_request", `Peloton rejected the token refresh (HTTP ${response.status}${code ? `, ${code}` : ""}).`, {
      upstreamStatus: response.status,
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw providerError("peloton", "bad_response", "Peloton sent a token answer we could not read (not JSON).", { upstreamStatus: response.status, cause });
  }
  const result = tokensFromResponse(body, (opts.now ?? Date.now)(), opts.refreshToken);
  if (!result.ok) {
    throw providerError("peloton", "bad_response", `Peloton sent a token answer without ${result.missing}.`, { upstreamStatus: response.status });
  }
  return result.tokens;
}
