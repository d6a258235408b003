import "server-only";
import { type AppError } from "@/lib/errors/app-error";
import { z } from "zod";
import { parseRetryAfter } from "@/server/http/request";
import { AUTH_TIMEOUT_MS, BROWSER_USER_AGENT, MAX_REDIRECT_HOPS } from "./constants";
import type { CookieJar } from "./cookie-jar";
import { type LoginStepName, loginError } from "./login-errors";

/** One HTTP exchange of the login, for logs. Never carries a password, token, code, cookie or query string. */
export interface LoginStepEvent {
  name: LoginStepName;
  /** HTTP status, or 0 when no answer came (network error, timeout). */
  status: number;
  ms: number;
  host: string;
  path: string;
}

export interface FlowContext {
  jar: CookieJar;
  fetchImpl: typeof fetch;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  onStep: ((step: LoginStepEvent) => void) | undefined;
  /** Hosts the flow may visit: the auth host and its siblings (auth-orca.onepeloton.com), or a local simulator. */
  allowedHost: (host: string) => boolean;
}

export function createFlowContext(opts: {
  jar: CookieJar;
  authBaseUrl: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  onStep?: (step: LoginStepEvent) => void;
}): FlowContext {
  return {
    jar: opts.jar,
    fetchImpl: opts.fetchImpl ?? fetch,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? AUTH_TIMEOUT_MS,
    onStep: opts.onStep,
    allowedHost: siblingHostMatcher(new URL(opts.authBaseUrl).hostname),
  };
}

/** auth.onepeloton.com allows *.onepeloton.com; localhost allows *.localhost; an IP allows only itself. */
export function siblingHostMatcher(authHost: string): (host: string) => boolean {
  const base = authHost.toLowerCase();
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(base) || base.startsWith("[");
  const labels = base.split(".");
  const site = isIp || labels.length < 2 ? base : labels.slice(-2).join(".");
  return (host) => {
    const h = host.toLowerCase();
    return h === base || h === site || (!isIp && h.endsWith(`.${site}`));
  };
}

/**
 * One request of the flow: cookie jar in and out, browser headers, manual redirects, per-request timeout.
 * Never retried: a login hop repeated blindly is what trips brute-force protection.
 */
export async function flowFetch(
  ctx: FlowContext,
  step: LoginStepName,
  url: URL,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "User-Agent": BROWSER_USER_AGENT,
    "Accept-Language": "en-US,en;q=0.9",
    ...init.headers,
  };
  const cookie = ctx.jar.cookieHeader(url);
  if (cookie) headers.Cookie = cookie;
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const started = performance.now();
  let response: Response;
  try {
    response = await ctx.fetchImpl(url.toString(), { method: init.method ?? "GET", headers, body: init.body, redirect: "manual", signal });
  } catch (cause) {
    ctx.onStep?.({ name: step, status: 0, ms: Math.round(performance.now() - started), host: url.host, path: url.pathname });
    if (ctx.signal?.aborted) throw cause;
    throw loginError("unavailable", { step, observed: timeout.aborted ? "no answer in time" : "network error", cause });
  }
  ctx.jar.storeFrom(response, url);
  ctx.onStep?.({ name: step, status: response.status, ms: Math.round(performance.now() - started), host: url.host, path: url.pathname });
  return response;
}

const MAX_BODY_CHARS = 512 * 1024;

export async function readText(response: Response, step: LoginStepName): Promise<string> {
  try {
    return (await response.text()).slice(0, MAX_BODY_CHARS);
  } catch (cause) {
    throw loginError("unavailable", { step, status: response.status, observed: "the answer was cut off", cause });
  }
}

export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

const auth0ErrorSchema = z.looseObject({
  code: z.string().nullish(),
  error: z.string().nullish(),
  name: z.string().nullish(),
});

/** The machine-readable code of an Auth0 error body (`code` or OAuth `error`), sanitised so it is safe to log. */
export function auth0ErrorCode(text: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = auth0ErrorSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const code = parsed.data.code ?? parsed.data.error ?? parsed.data.name;
  return code ? safeToken(code) : undefined;
}

/** Keep only characters an error code is made of, so nothing user-supplied ends up in logs. */
export function safeToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 48);
}

export function isCloudflareRateLimit(status: number, text: string): boolean {
  return status === 429 && /error code:?\s*1015/i.test(text);
}

const LOCK_CODES = new Set(["too_many_attempts", "blocked_user", "user_blocked", "password_leaked"]);
const MFA_CODES = new Set(["mfa_required", "mfa_registration_required", "requires_verification", "verification_required"]);
const WRONG_PASSWORD_CODES = new Set(["invalid_user_password", "invalid_password", "wrong_credentials"]);

/** Map a non-success answer of any login hop to a typed error, from the body's Auth0 code first, then the status. */
export function failureFor(step: LoginStepName, response: Response, text: string): AppError {
  const status = response.status;
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  const details = { step, status, retryAfterSeconds };
  if (isCloudflareRateLimit(status, text)) return loginError("rate_limited", { ...details, observed: "Cloudflare error 1015" });
  const code = auth0ErrorCode(text);
  if (code && LOCK_CODES.has(code)) return loginError("account_locked", { ...details, observed: code });
  if (code && MFA_CODES.has(code)) return loginError("verification_required", { ...details, observed: code });
  if (step === "credentials" && ((code && WRONG_PASSWORD_CODES.has(code)) || /wrong (email|username|e-mail) or password/i.test(text))) {
    return loginError("invalid_credentials", { ...details, observed: code });
  }
  if (status === 429) return loginError("rate_limited", { ...details, observed: code });
  if (status >= 500) return loginError("unavailable", { ...details, observed: code });
  const type = response.headers.get("content-type")?.split(";")[0]?.trim();
  return loginError("login_page_changed", {
    ...details,
    observed: code ? `Auth0 error "${code}"` : `unexpected ${type ?? "untyped"} answer`,
  });
}

export type RedirectOutcome = { kind: "stopped"; location: URL } | { kind: "final"; response: Response; url: URL };

/**
 * Follow 3xx answers by GET (a POST body is never re-sent), at most MAX_REDIRECT_HOPS redirects per chain.
 * `stopAt` sees each absolute Location first; returning true ends the chain without fetching it (the members-app
 * redirect URI is never loaded).
 */
export async function followRedirects(
  ctx: FlowContext,
  step: LoginStepName,
  first: Response,
  firstUrl: URL,
  stopAt: (location: URL) => boolean,
  hopStep: LoginStepName = "redirect",
): Promise<RedirectOutcome> {
  let response = first;
  let url = firstUrl;
  for (let redirects = 1; ; redirects++) {
    if (response.status < 300 || response.status >= 400) return { kind: "final", response, url };
    const header = response.headers.get("location");
    await discard(response);
    if (!header) throw loginError("login_page_changed", { step, status: response.status, observed: "redirect without a Location" });
    let location: URL;
    try {
      location = new URL(header, url);
    } catch (cause) {
      throw loginError("login_page_changed", { step, status: response.status, observed: "unreadable redirect Location", cause });
    }
    if (stopAt(location)) return { kind: "stopped", location };
    if (redirects > MAX_REDIRECT_HOPS) {
      throw loginError("too_many_redirects", { step, status: response.status, observed: `more than ${MAX_REDIRECT_HOPS} redirects` });
    }
    if ((location.protocol !== "https:" && location.protocol !== "http:") || !ctx.allowedHost(location.hostname)) {
      throw loginError("login_page_changed", { step, status: response.status, observed: `redirected off Peloton to ${location.host}` });
    }
    url = location;
    response = await flowFetch(ctx, hopStep, url, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  }
}
