import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { REDIRECT_URI, WEB_CLIENT_ID } from "./data/constants";

/**
 * Test helpers that drive the simulator like a headless client would (plain fetch + a tiny
 * path-aware cookie jar). Kept out of the server so the server has no test seams.
 */
export const AUTH0_CLIENT_HEADER = "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9";
export const SCOPE = "offline_access openid peloton-api.members:default";
export const AUDIENCE = "https://api.onepeloton.com/";

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  store(res: Response, requestUrl: string): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const pathAttr = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith("path="));
      const defaultPath = new URL(requestUrl).pathname.replace(/\/[^/]*$/, "") || "/";
      const path = pathAttr ? pathAttr.slice(5) : defaultPath;
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      this.cookies.push({ name, value, path });
    }
  }

  /** RFC 6265 path-match; Secure is honoured as a browser does for localhost. */
  header(url: string): string {
    const path = new URL(url).pathname;
    return this.cookies
      .filter((c) => path === c.path || (path.startsWith(c.path) && (c.path.endsWith("/") || path[c.path.length] === "/")))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  delete(name: string): void {
    this.cookies = this.cookies.filter((c) => c.name !== name);
  }
}

export async function jarFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set("Cookie", cookie);
  const res = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(res, url);
  return res;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(64).toString("base64url").slice(0, 64);
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

const injectedSchema = z.object({
  internalOptions: z.object({ _csrf: z.string(), state: z.string(), nonce: z.string(), code_challenge: z.string() }),
});

export interface LoginStart {
  jar: CookieJar;
  verifier: string;
  challenge: string;
  clientState: string;
  nonce: string;
  txn: string;
  loginUrl: string;
  pageCsrf: string;
  loginResponse: Response;
  loginHtml: string;
}

/** Steps 1–2: /authorize → /login, collecting the transaction state, page config and `_csrf` cookie. */
export async function startLogin(base: string, params: Record<string, string> = {}): Promise<LoginStart> {
  const jar = new CookieJar();
  const { verifier, challenge } = pkcePair();
  const clientState = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  const q = new URLSearchParams({
    client_id: WEB_CLIENT_ID, audience: AUDIENCE, scope: SCOPE, response_type: "code", response_mode: "query", redirect_uri: REDIRECT_URI,
    state: clientState, nonce, code_challenge: challenge, code_challenge_method: "S256", ...params,
  });
  const first = await jarFetch(jar, `${base}/authorize?${q.toString()}`);
  const location = first.headers.get("location");
  if (first.status !== 302 || !location) throw new Error(`authorize answered ${first.status}`);
  const loginUrl = new URL(location, base).toString();
  const loginResponse = await jarFetch(jar, loginUrl);
  const loginHtml = await loginResponse.text();
  const b64 = /window\.injectedConfig = window\.injectedConfig \|\| "([^"]+)"/.exec(loginHtml)?.[1];
  if (!b64) throw new Error("no injectedConfig on the login page");
  const config = injectedSchema.parse(JSON.parse(Buffer.from(b64, "base64").toString("utf8")));
  const txn = new URL(loginUrl).searchParams.get("state") ?? clientState;
  return { jar, verifier, challenge, clientState, nonce, txn, loginUrl, pageCsrf: config.internalOptions._csrf, loginResponse, loginHtml };
}

export function credentialBody(start: LoginStart, email: string, password: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: WEB_CLIENT_ID, redirect_uri: REDIRECT_URI, tenant: "peloton-prod", response_type: "code", scope: SCOPE, audience: AUDIENCE,
    _csrf: start.jar.get("_csrf") ?? "", state: start.txn, _intstate: "deprecated", nonce: start.nonce, username: email, password,
    connection: "pelo-user-password", code_challenge: start.challenge, code_challenge_method: "S256", ...overrides,
  };
}

/** Step 2: POST /usernamepassword/login. */
export function postCredentials(base: string, start: LoginStart, body: Record<string, string>): Promise<Response> {
  return jarFetch(start.jar, `${base}/usernamepassword/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "*/*", Origin: base, Referer: start.loginUrl, "Auth0-Client": AUTH0_CLIENT_HEADER },
    body: JSON.stringify(body),
  });
}

const decodeEntities = (s: string) =>
  s.replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The first form's action and its hidden inputs, HTML-decoded (how P2G reads the page). */
export function parseHiddenForm(html: string): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form?.[1]) return undefined;
  const fields: Record<string, string> = {};
  for (const input of (form[2] ?? "").matchAll(/<input\b([^>]*)>/gi)) {
    const attrs = input[1] ?? "";
    if (!/type="hidden"/i.test(attrs)) continue;
    const name = /\bname="([^"]*)"/i.exec(attrs)?.[1];
    const value = /\bvalue="([^"]*)"/i.exec(attrs)?.[1];
    if (name) fields[name] = decodeEntities(value ?? "");
  }
  return { action: decodeEntities(form[1]), fields };
}

/** Step 3: post the hidden form and follow redirects until one carries `code` (never loading the members app). */
export async function followCallback(
  base: string, jar: CookieJar, form: { action: string; fields: Record<string, string> },
): Promise<{ code: string | null; state: string | null; error: string | null; hops: string[]; last: Response }> {
  let res = await jarFetch(jar, new URL(form.action, base).toString(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
    body: new URLSearchParams(form.fields).toString(),
  });
  const hops: string[] = [];
  let current = new URL(form.action, base).toString();
  for (let i = 0; i < 12; i++) {
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) break;
    const next = new URL(location, current);
    hops.push(next.origin === new URL(base).origin ? next.pathname : `${next.origin}${next.pathname}`);
    if (next.searchParams.has("code") || next.searchParams.has("error")) {
      return { code: next.searchParams.get("code"), state: next.searchParams.get("state"), error: next.searchParams.get("error"), hops, last: res };
    }
    current = next.toString();
    res = await jarFetch(jar, current, { headers: { Accept: "text/html" } });
  }
  return { code: null, state: null, error: null, hops, last: res };
}

export async function exchangeCode(base: string, code: string, verifier: string, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ grant_type: "authorization_code", client_id: WEB_CLIENT_ID, code_verifier: verifier, code, redirect_uri: REDIRECT_URI, ...extra }),
  });
}

export const tokenSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  id_token: z.string(),
  scope: z.string(),
  expires_in: z.number(),
  token_type: z.literal("Bearer"),
});
export type Tokens = z.infer<typeof tokenSchema>;

/** The whole headless login; throws with the failing step's status. */
export async function login(base: string, email: string, password: string): Promise<Tokens> {
  const start = await startLogin(base);
  const res = await postCredentials(base, start, credentialBody(start, email, password));
  if (res.status !== 200) throw new Error(`credential login answered ${res.status}`);
  const form = parseHiddenForm(await res.text());
  if (!form) throw new Error("no hidden form");
  const cb = await followCallback(base, start.jar, form);
  if (!cb.code) throw new Error(`no code after ${cb.hops.join(" → ")}`);
  const tokenRes = await exchangeCode(base, cb.code, start.verifier);
  if (tokenRes.status !== 200) throw new Error(`token exchange answered ${tokenRes.status}`);
  return tokenSchema.parse(await tokenRes.json());
}

export function api(base: string, token: string | undefined, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    headers: { Accept: "application/json", "Peloton-Platform": "web", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
}

/** Start a login and post the credentials: the step a test of the credential page repeats. */
export async function submitCredentials(base: string, email: string, password: string) {
  const start = await startLogin(base);
  const res = await postCredentials(base, start, credentialBody(start, email, password));
  return { start, res };
}
