import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, DEMO_CLIENT, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import {
  authorizeUrl,
  completeConsent,
  connectAthlete,
  consentFormFields,
  exchangeCode,
  oauthErrorSchema,
  refreshTokens,
  tokenRequest,
  tokenResponseSchema,
} from "./testing";
import { withSimulator } from "../shared/vitest-sim";

const REDIRECT = "http://localhost:3000/api/auth/callback/trainingpeaks";
let sim: TrainingPeaksSimulator;

withSimulator(async () => (sim = await startTrainingPeaksSimulator({ quiet: true })));

async function errorOf(response: Response) {
  return oauthErrorSchema.parse(await response.json()).error;
}

function apiGet(path: string, accessToken: string) {
  return fetch(new URL(path, sim.url), { headers: { Authorization: `Bearer ${accessToken}`, "User-Agent": "AutoCoach/test" } });
}

describe("GET /OAuth/Authorize (consent page)", () => {
  it("renders the app name, each scope, the athletes and both buttons", async () => {
    const response = await fetch(authorizeUrl(sim.url, { scope: "athlete:profile workouts:read" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain("AutoCoach (demo)");
    expect(page).toContain("athlete:profile");
    expect(page).toContain("workouts:read");
    expect(page).not.toContain("file:write");
    expect(page).toContain("Signed in to TrainingPeaks as");
    expect(page).toMatch(/<select id="athlete" name="athlete">/);
    for (const athlete of Object.values(DEMO_ATHLETES)) expect(page).toContain(`value="${athlete.id}"`);
    expect(page).toMatch(new RegExp(`value="${DEMO_ATHLETES.demo.id}" selected`));
    expect(page).toMatch(/<button[^>]*value="authorize">Authorize<\/button>/);
    expect(page).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
    const fields = consentFormFields(page);
    expect(fields.get("csrf_nonce")).toMatch(/^[\w-]{16,}$/);
    expect(fields.get("state")).toBe("test-state");
    expect(fields.get("redirect_uri")).toBe(REDIRECT);
  });

  it("preselects the athlete named by login_hint", async () => {
    const url = new URL(authorizeUrl(sim.url));
    url.searchParams.set("login_hint", String(DEMO_ATHLETES.basic.id));
    const page = await (await fetch(url)).text();
    expect(page).toMatch(new RegExp(`value="${DEMO_ATHLETES.basic.id}" selected`));
    expect(page).toContain("Signed in to TrainingPeaks as <strong data-testid=\"signed-in-athlete\">Casey Basic</strong>");
  });

  it("shows an Invalid Redirect URI page, without redirecting, for an unregistered redirect_uri", async () => {
    const response = await fetch(authorizeUrl(sim.url, { redirectUri: "https://evil.example/callback" }), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const page = await response.text();
    expect(page).toContain("<title>Invalid Redirect URI</title>");
    expect(page).toContain("https://evil.example/callback");
  });

  it("rejects a redirect_uri that only differs by a trailing slash or case", async () => {
    for (const redirectUri of [`${REDIRECT}/`, REDIRECT.replace("trainingpeaks", "TrainingPeaks")]) {
      const response = await fetch(authorizeUrl(sim.url, { redirectUri }), { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
  });

  it("shows a 400 page for an unknown client_id", async () => {
    const response = await fetch(authorizeUrl(sim.url, { clientId: "someone-else" }), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Invalid Client");
  });

  it("redirects with unsupported_response_type and invalid_scope errors, echoing state", async () => {
    const token = new URL(authorizeUrl(sim.url));
    token.searchParams.set("response_type", "token");
    const a = await fetch(token, { redirect: "manual" });
    expect(a.status).toBe(302);
    const aLocation = new URL(a.headers.get("location") ?? "");
    expect(aLocation.searchParams.get("error")).toBe("unsupported_response_type");
    expect(aLocation.searchParams.get("state")).toBe("test-state");

    for (const scope of ["openid profile email", "athlete:profile workouts:plan"]) {
      const b = await fetch(authorizeUrl(sim.url, { scope }), { redirect: "manual" });
      expect(b.status).toBe(302);
      const location = new URL(b.headers.get("location") ?? "");
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
      expect(location.searchParams.get("error")).toBe("invalid_scope");
    }
  });

  it("accepts '+'-separated scopes", async () => {
    const url = `${authorizeUrl(sim.url, { scope: "x" }).replace(/scope=x/, "scope=athlete%3Aprofile+workouts%3Aread")}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(consentFormFields(await response.text()).get("scope")).toBe("athlete:profile workouts:read");
  });
});

describe("POST /OAuth/Authorize (consent decision)", () => {
  it("Authorize redirects with a code and the unchanged state", async () => {
    const state = "a b+c/d=é&x";
    const result = await completeConsent(sim.url, { state });
    expect(`${result.location.origin}${result.location.pathname}`).toBe(REDIRECT);
    expect(result.code).toMatch(/^[\w-]{20,}$/);
    expect(result.state).toBe(state);
  });

  it("omits state when the request had none", async () => {
    const result = await completeConsent(sim.url, { state: null });
    expect(result.code).not.toBeNull();
    expect(result.location.searchParams.has("state")).toBe(false);
  });

  it("Deny redirects with access_denied", async () => {
    const result = await completeConsent(sim.url, { decision: "deny" });
    expect(result.error).toBe("access_denied");
    expect(result.location.searchParams.get("error_description")).toBeTruthy();
    expect(result.state).toBe("test-state");
    expect(result.code).toBeNull();
  });

  it("refuses a missing or replayed CSRF nonce", async () => {
    const page = await (await fetch(authorizeUrl(sim.url))).text();
    const form = consentFormFields(page);
    form.set("athlete", String(DEMO_ATHLETES.demo.id));
    form.set("decision", "authorize");
    const post = (body: URLSearchParams) =>
      fetch(new URL("/OAuth/Authorize", sim.url), { method: "POST", body, redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect((await post(form)).status).toBe(302);
    const replay = await post(form);
    expect(replay.status).toBe(400);
    expect(replay.headers.get("location")).toBeNull();
    const noNonce = new URLSearchParams(form);
    noNonce.delete("csrf_nonce");
    expect((await post(noNonce)).status).toBe(400);
  });

  it("refuses a nonce whose form parameters were tampered with", async () => {
    const form = consentFormFields(await (await fetch(authorizeUrl(sim.url, { scope: "workouts:read" }))).text());
    form.set("scope", "workouts:read athlete:profile");
    form.set("athlete", String(DEMO_ATHLETES.demo.id));
    form.set("decision", "authorize");
    const response = await fetch(new URL("/oauth/authorize", sim.url), {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(400);
  });
});

describe("POST /oauth/token", () => {
  it("exchanges a code with client credentials in the form body", async () => {
    const { code } = await completeConsent(sim.url, { scope: "athlete:profile workouts:read" });
    const response = await exchangeCode(sim.url, code ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = tokenResponseSchema.parse(await response.json());
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(3600);
    expect(Number.isInteger(tokens.expires_in)).toBe(true);
    expect(tokens.access_token).toMatch(/^gAAAA/);
    expect(tokens.refresh_token).not.toBe(tokens.access_token);
    expect(tokens.scope).toBe("athlete:profile workouts:read");
    expect(sim.stats.tokenExchanges.authorization_code).toBe(1);
    expect(sim.stats.tokenRequests).toBe(1);
  });

  it("exchanges a code with HTTP Basic client authentication", async () => {
    const { code } = await completeConsent(sim.url);
    const response = await exchangeCode(sim.url, code ?? "", { clientAuth: "basic" });
    expect(response.status).toBe(200);
    tokenResponseSchema.parse(await response.json());
  });

  it("rejects a JSON body with a 400 HTML page", async () => {
    const { code } = await completeConsent(sim.url);
    const response = await fetch(new URL("/oauth/token", sim.url), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("Bad Request");
    expect(sim.stats.tokenExchanges.authorization_code).toBe(0);
  });

  it("answers 401 invalid_client for a wrong secret or missing credentials", async () => {
    const { code } = await completeConsent(sim.url);
    const wrongPost = await exchangeCode(sim.url, code ?? "", { clientSecret: "nope" });
    expect(wrongPost.status).toBe(401);
    expect(await errorOf(wrongPost)).toBe("invalid_client");
    const wrongBasic = await exchangeCode(sim.url, code ?? "", { clientAuth: "basic", clientSecret: "nope" });
    expect(wrongBasic.status).toBe(401);
    expect(wrongBasic.headers.get("www-authenticate")).toMatch(/^Basic/);
    const anonymous = await fetch(new URL("/oauth/token", sim.url), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code: code ?? "", redirect_uri: REDIRECT }),
    });
    expect(anonymous.status).toBe(401);
    // The code survives failed client authentication.
    expect((await exchangeCode(sim.url, code ?? "")).status).toBe(200);
  });

  it("rejects missing and unknown grant types", async () => {
    const missing = await tokenRequest(sim.url, { code: "x" });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toBe("invalid_request");
    const unknown = await tokenRequest(sim.url, { grant_type: "password", username: "a", password: "b" });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toBe("unsupported_grant_type");
  });

  it("makes codes single-use and revokes the tokens issued from a replayed code", async () => {
    const { code } = await completeConsent(sim.url);
    const first = tokenResponseSchema.parse(await (await exchangeCode(sim.url, code ?? "")).json());
    const second = await exchangeCode(sim.url, code ?? "");
    expect(second.status).toBe(400);
    expect(await errorOf(second)).toBe("invalid_grant");
    expect((await apiGet("/v1/athlete/profile", first.access_token)).status).toBe(401);
  });

  it("expires codes after codeTtlSeconds by the simulator clock", async () => {
    const { code } = await completeConsent(sim.url);
    sim.clock.advance(3600 * 1000 + 1);
    const response = await exchangeCode(sim.url, code ?? "");
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("invalid_grant");
  });

  it("requires the same redirect_uri as the authorization request", async () => {
    const { code } = await completeConsent(sim.url);
    const response = await exchangeCode(sim.url, code ?? "", { redirectUri: "http://localhost:3000/other" });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("invalid_grant");
    const missing = await tokenRequest(sim.url, { grant_type: "authorization_code", code: code ?? "" });
    expect(await errorOf(missing)).toBe("invalid_request");
  });

  it("rotates refresh tokens; the old one fails afterwards", async () => {
    const first = await connectAthlete(sim.url);
    const response = await refreshTokens(sim.url, first.refresh_token);
    expect(response.status).toBe(200);
    const second = tokenResponseSchema.parse(await response.json());
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.scope).toBe(first.scope);
    expect((await apiGet("/v1/athlete/profile", second.access_token)).status).toBe(200);

    const reused = await refreshTokens(sim.url, first.refresh_token, { clientAuth: "basic" });
    expect(reused.status).toBe(400);
    expect(await errorOf(reused)).toBe("invalid_grant");
    const third = await refreshTokens(sim.url, second.refresh_token, { clientAuth: "basic" });
    expect(third.status).toBe(200);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(2);
  });

  it("rejects a refresh that asks for more scope than was granted", async () => {
    const tokens = await connectAthlete(sim.url, { scope: "workouts:read" });
    const response = await tokenRequest(sim.url, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, scope: "workouts:read athlete:profile" });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("invalid_scope");
  });
});

describe("refresh grace period", () => {
  it("keeps a rotated refresh token usable for refreshGraceSeconds", async () => {
    const graceful = await startTrainingPeaksSimulator({ quiet: true, refreshGraceSeconds: 30, accessTokenTtlSeconds: 600 });
    try {
      const first = await connectAthlete(graceful.url);
      expect(first.expires_in).toBe(600);
      expect((await refreshTokens(graceful.url, first.refresh_token)).status).toBe(200);
      graceful.clock.advance(10_000);
      expect((await refreshTokens(graceful.url, first.refresh_token)).status).toBe(200);
      graceful.clock.advance(21_000);
      expect((await refreshTokens(graceful.url, first.refresh_token)).status).toBe(400);
    } finally {
      await graceful.close();
    }
  });
});

describe("POST /oauth/deauthorize", () => {
  it("revokes the whole grant: API 401, refresh invalid_grant", async () => {
    const tokens = await connectAthlete(sim.url);
    const response = await fetch(new URL("/oauth/deauthorize", sim.url), { method: "POST", headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect((await apiGet("/v1/athlete/profile", tokens.access_token)).status).toBe(401);
    const refresh = await refreshTokens(sim.url, tokens.refresh_token);
    expect(refresh.status).toBe(400);
    expect(await errorOf(refresh)).toBe("invalid_grant");
  });

  it("answers 401 without a valid bearer token", async () => {
    const response = await fetch(new URL("/OAuth/Deauthorize", sim.url), { method: "POST", headers: { Authorization: "Bearer nope" } });
    expect(response.status).toBe(401);
  });

  it("leaves the athlete's other grants alone", async () => {
    const a = await connectAthlete(sim.url);
    const b = await connectAthlete(sim.url);
    await fetch(new URL("/oauth/deauthorize", sim.url), { method: "POST", headers: { Authorization: `Bearer ${a.access_token}` } });
    expect((await apiGet("/v1/athlete/profile", b.access_token)).status).toBe(200);
  });
});

describe("the whole flow with another athlete", () => {
  it("binds the code to the athlete chosen on the consent page", async () => {
    const tokens = await connectAthlete(sim.url, { athleteId: DEMO_ATHLETES.climber.id, clientAuth: "basic" });
    const profile: unknown = await (await apiGet("/v1/athlete/profile", tokens.access_token)).json();
    expect(profile).toMatchObject({ Id: DEMO_ATHLETES.climber.id, FirstName: "Sam", IsPremium: true });
  });
});
