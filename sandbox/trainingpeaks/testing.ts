/**
 * Helpers for tests that need TrainingPeaks tokens over real HTTP: they drive the consent page the
 * way a browser would (GET the page, POST the form with its nonce) and call the token endpoint.
 */
import { z } from "zod";
import { DEMO_ATHLETES } from "./athletes";
import { DEFAULT_REDIRECT_URIS, DEMO_CLIENT } from "./scopes";

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  refresh_token: z.string(),
  scope: z.string(),
});
export type ParsedTokenResponse = z.infer<typeof tokenResponseSchema>;

export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface ConsentOptions {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string | null;
  athleteId?: number;
  decision?: "authorize" | "deny";
}

export interface ConsentResult {
  location: URL;
  code: string | null;
  state: string | null;
  error: string | null;
}

export function authorizeUrl(baseUrl: string, options: ConsentOptions = {}): string {
  const url = new URL("/OAuth/Authorize", baseUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", options.clientId ?? DEMO_CLIENT.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri ?? DEFAULT_REDIRECT_URIS[0] ?? "");
  url.searchParams.set("scope", options.scope ?? DEMO_CLIENT.scopes.join(" "));
  const state = options.state === undefined ? "test-state" : options.state;
  if (state !== null) url.searchParams.set("state", state);
  return url.toString();
}

/** The consent form's fields (hidden inputs, nonce) as a browser would submit them. */
export function consentFormFields(page: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(decodeEntities(match[1] ?? ""), decodeEntities(match[2] ?? ""));
  }
  return form;
}

function decodeEntities(value: string): string {
  return value.replaceAll("&#34;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Open the consent page and press Authorize (or Deny); returns the parsed callback redirect. */
export async function completeConsent(baseUrl: string, options: ConsentOptions = {}): Promise<ConsentResult> {
  const page = await fetch(authorizeUrl(baseUrl, options));
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}`);
  const form = consentFormFields(await page.text());
  form.set("athlete", String(options.athleteId ?? DEMO_ATHLETES.demo.id));
  form.set("decision", options.decision ?? "authorize");
  const submit = await fetch(new URL("/OAuth/Authorize", baseUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  const location = submit.headers.get("location");
  if (submit.status !== 302 || !location) throw new Error(`consent form answered ${submit.status}`);
  const url = new URL(location);
  return { location: url, code: url.searchParams.get("code"), state: url.searchParams.get("state"), error: url.searchParams.get("error") };
}

export interface ExchangeOptions {
  redirectUri?: string;
  /** "post": client_id/client_secret form fields (default); "basic": HTTP Basic. */
  clientAuth?: "post" | "basic";
  clientSecret?: string;
}

export function tokenRequest(baseUrl: string, fields: Record<string, string>, options: ExchangeOptions = {}): Promise<Response> {
  const form = new URLSearchParams(fields);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
  const secret = options.clientSecret ?? DEMO_CLIENT.clientSecret;
  if (options.clientAuth === "basic") {
    headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(DEMO_CLIENT.clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
  } else {
    form.set("client_id", DEMO_CLIENT.clientId);
    form.set("client_secret", secret);
  }
  return fetch(new URL("/oauth/token", baseUrl), { method: "POST", headers, body: form });
}

export function exchangeCode(baseUrl: string, code: string, options: ExchangeOptions = {}): Promise<Response> {
  return tokenRequest(baseUrl, { grant_type: "authorization_code", code, redirect_uri: options.redirectUri ?? DEFAULT_REDIRECT_URIS[0] ?? "" }, options);
}

export function refreshTokens(baseUrl: string, refreshToken: string, options: ExchangeOptions = {}): Promise<Response> {
  return tokenRequest(baseUrl, { grant_type: "refresh_token", refresh_token: refreshToken }, options);
}

/** The whole browser flow: consent → code → tokens. */
export async function connectAthlete(baseUrl: string, options: ConsentOptions & ExchangeOptions = {}): Promise<ParsedTokenResponse> {
  const consent = await completeConsent(baseUrl, options);
  if (!consent.code) throw new Error(`authorization failed: ${consent.error ?? "no code"}`);
  const response = await exchangeCode(baseUrl, consent.code, options);
  if (response.status !== 200) throw new Error(`token exchange answered ${response.status}`);
  return tokenResponseSchema.parse(await response.json());
}
