import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_MEMBER, TEST_MEMBERS, startPelotonSimulator, type PelotonSimulator } from "@/sandbox/peloton/server";
import { getMe, getUser, getUserOverview, withTokenRefresh } from "./api/client";
import type { LoginStepEvent } from "./auth/login-flow";
import { loginWithPassword } from "./auth/login";
import { PELOTON_AUTH } from "./auth/constants";
import { CookieJar } from "./auth/cookie-jar";
import { type PelotonLoginErrorCode } from "./auth/login-errors";
import { loginFailure as loginFailureOf, providerFailure, type LoginFailureFacts } from "@/test/failures";
import { parseInjectedConfig } from "./auth/hidden-form";
import { createPkceSet } from "./auth/pkce";
import { refreshTokens } from "./auth/tokens";
import { toPelotonProfile } from "./transform/profile";

/** Real HTTP against the Peloton simulator (sandbox/peloton), which follows docs/peloton-api.md §2/§5/§8. */
let sim: PelotonSimulator;
let oneHop: PelotonSimulator;

beforeAll(async () => {
  [sim, oneHop] = await Promise.all([
    startPelotonSimulator({ quiet: true, lockoutThreshold: 3 }),
    startPelotonSimulator({ quiet: true, redirectChain: "one-hop" }),
  ]);
});
afterAll(async () => {
  await Promise.all([sim.close(), oneHop.close()]);
});
beforeEach(() => {
  sim.reset();
  oneHop.reset();
});

const login = (member: { email: string; password: string }, extra: { onStep?: (s: LoginStepEvent) => void; fetchImpl?: typeof fetch } = {}) =>
  loginWithPassword({ email: member.email, password: member.password, authBaseUrl: sim.url, ...extra });

async function loginFailure(promise: Promise<unknown>, code: PelotonLoginErrorCode): Promise<LoginFailureFacts> {
  const error = await loginFailureOf(promise);
  expect(error.code, error.message).toBe(code);
  return error;
}

describe("loginWithPassword against the simulator", () => {
  it("logs in through the six-hop chain", async () => {
    const steps: LoginStepEvent[] = [];
    const tokens = await login(DEMO_MEMBER, { onStep: (s) => steps.push(s) });
    expect(tokens.userId).toBe(DEMO_MEMBER.userId);
    expect(tokens.refreshToken).toMatch(/^v1\./);
    expect(tokens.scope).toBe(PELOTON_AUTH.scope);
    expect(tokens.expiresAt - Date.now()).toBeGreaterThan(172800_000 - 60_000);
    expect(steps.map((s) => `${s.name} ${s.path} ${s.status}`)).toEqual([
      "authorize /authorize 302",
      "login_page /login 200",
      "credentials /usernamepassword/login 200",
      "callback /login/callback 302",
      "redirect /authorize/resume 302",
      "redirect /sso/login_site 303",
      "redirect /sso/login_domain 303",
      "redirect /continue 302",
      "redirect /authorize/resume 302",
      "token_exchange /oauth/token 200",
    ]);
    expect(JSON.stringify(steps)).not.toContain(DEMO_MEMBER.password);
    expect(sim.stats.loginAttempts).toBe(1);
    expect(sim.stats.tokenExchanges.authorization_code).toBe(1);
  });

  it("logs in through the one-hop chain", async () => {
    const tokens = await loginWithPassword({ ...DEMO_MEMBER, authBaseUrl: oneHop.url });
    expect(tokens.userId).toBe(DEMO_MEMBER.userId);
    expect(oneHop.stats.requests.map((r) => r.path)).toEqual(["/authorize", "/login", "/usernamepassword/login", "/login/callback", "/oauth/token"]);
  });

  it("reports a wrong password once, without retrying", async () => {
    const error = await loginFailure(login({ email: DEMO_MEMBER.email, password: "not-the-password" }), "invalid_credentials");
    expect(error.status).toBe(401);
    expect(sim.stats.loginAttempts).toBe(1);
    expect(sim.stats.tokenExchanges.authorization_code).toBe(0);
  });

  it("reports the lockout after repeated failures, even with the right password", async () => {
    for (let i = 0; i < 3; i++) await loginFailure(login({ email: DEMO_MEMBER.email, password: `wrong-${i}` }), "invalid_credentials");
    const locked = await loginFailure(login(DEMO_MEMBER), "account_locked");
    expect(locked).toMatchObject({ status: 429, observed: "too_many_attempts", retryable: false });
    expect(locked.message).toMatch(/temporarily blocked sign-in/);
    expect(sim.stats.loginAttempts).toBe(4);
  });

  it("reports a locked account", async () => {
    await loginFailure(login(TEST_MEMBERS.locked), "account_locked");
    expect(sim.stats.loginAttempts).toBe(1);
  });

  it("reports the verification step of an MFA account and stops there", async () => {
    const error = await loginFailure(login(TEST_MEMBERS.mfa), "verification_required");
    expect(error.step).toBe("credentials");
    expect(sim.stats.requests.map((r) => r.path)).not.toContain("/login/callback");
    expect(sim.stats.requests.map((r) => r.path)).not.toContain("/u/mfa-otp-challenge");
  });

  it("sends Auth0's transaction state (the client's own state is refused) and gets its own state back", async () => {
    // By hand with the library's parts: the client state S0 is refused at /usernamepassword/login.
    const jar = new CookieJar();
    const pkce = createPkceSet();
    const authorize = new URL("/authorize", sim.url);
    const params = {
      client_id: PELOTON_AUTH.clientId, audience: PELOTON_AUTH.audience, scope: PELOTON_AUTH.scope, response_type: "code", response_mode: "query",
      redirect_uri: PELOTON_AUTH.redirectUri, state: pkce.state, nonce: pkce.nonce, code_challenge: pkce.challenge, code_challenge_method: "S256",
    };
    for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
    const first = await fetch(authorize, { redirect: "manual" });
    jar.storeFrom(first, authorize);
    const loginUrl = new URL(first.headers.get("location") ?? "", authorize);
    const page = await fetch(loginUrl, { headers: { Cookie: jar.cookieHeader(loginUrl) ?? "" } });
    jar.storeFrom(page, loginUrl);
    const config = parseInjectedConfig(await page.text());
    if (!config.ok) throw new Error(`injectedConfig ${config.reason}`);
    expect(config.state).toBeDefined();
    expect(config.state).not.toBe(pkce.state);
    expect(config.state).toBe(loginUrl.searchParams.get("state"));
    const credentials = new URL("/usernamepassword/login", sim.url);
    const withOwnState = await fetch(credentials, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: jar.cookieHeader(credentials) ?? "" },
      body: JSON.stringify({ ...params, tenant: PELOTON_AUTH.tenant, connection: PELOTON_AUTH.connection, _csrf: jar.get("_csrf", credentials), username: DEMO_MEMBER.email, password: DEMO_MEMBER.password }),
    });
    expect(withOwnState.status).toBe(403);
    expect(await withOwnState.json()).toMatchObject({ code: "access_denied", description: "Invalid state" });

    // The library sends the page's transaction state and checks the returned state against its own.
    const sent: { state?: string; authorizeState?: string; returnedState?: string } = {};
    const spy: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (url.pathname === "/authorize") sent.authorizeState = url.searchParams.get("state") ?? undefined;
      if (url.pathname === "/usernamepassword/login" && typeof init?.body === "string") {
        sent.state = z.object({ state: z.string() }).parse(JSON.parse(init.body)).state;
      }
      const response = await fetch(input, init);
      const location = response.headers.get("location");
      if (location?.startsWith(PELOTON_AUTH.redirectUri)) sent.returnedState = new URL(location).searchParams.get("state") ?? undefined;
      return response;
    };
    await login(DEMO_MEMBER, { fetchImpl: spy });
    expect(sent.state).toMatch(/^hKFo2SB/);
    expect(sent.state).not.toBe(sent.authorizeState);
    expect(sent.returnedState).toBe(sent.authorizeState);
  });

  it("maps Cloudflare 1015 and a dropped connection", async () => {
    sim.faults.add({ path: "^/authorize$", status: 429, retryAfterSeconds: 90, times: 1 });
    const limited = await loginFailure(login(DEMO_MEMBER), "rate_limited");
    expect(limited).toMatchObject({ step: "authorize", retryAfterSeconds: 90, observed: "Cloudflare error 1015" });
    sim.faults.add({ path: "^/login$", reset: true, times: 1 });
    expect(await loginFailure(login(DEMO_MEMBER), "unavailable")).toMatchObject({ step: "login_page", status: undefined });
    sim.faults.add({ path: "^/oauth/token$", status: 503, times: 1 });
    expect(await loginFailure(login(DEMO_MEMBER), "unavailable")).toMatchObject({ step: "token_exchange", status: 503 });
  });
});

describe("tokens and the member API against the simulator", () => {
  it("refreshes with rotation; the old refresh token is then rejected", async () => {
    const first = await login(DEMO_MEMBER);
    const second = await refreshTokens({ refreshToken: first.refreshToken, authBaseUrl: sim.url });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.userId).toBe(DEMO_MEMBER.userId);
    const reused = await providerFailure(refreshTokens({ refreshToken: first.refreshToken, authBaseUrl: sim.url }));
    expect(reused).toMatchObject({ code: "disconnected", status: 403 });
    expect(sim.stats.tokenExchanges.refresh_token).toBe(2);
    expect((await getMe({ accessToken: second.accessToken, apiBaseUrl: sim.url })).id).toBe(DEMO_MEMBER.userId);
  });

  it("treats a revoked refresh token as disconnected", async () => {
    const tokens = await login(DEMO_MEMBER);
    sim.revokeRefreshTokens(DEMO_MEMBER.email);
    expect(await providerFailure(refreshTokens({ refreshToken: tokens.refreshToken, authBaseUrl: sim.url }))).toMatchObject({ code: "disconnected" });
  });

  it("reads /api/me, /api/user/{id} and the overview, and maps them to the profile", async () => {
    const tokens = await login(DEMO_MEMBER);
    const opts = { accessToken: tokens.accessToken, apiBaseUrl: sim.url };
    const me = await getMe(opts);
    const user = await getUser({ ...opts, userId: me.id });
    const overview = await getUserOverview({ ...opts, userId: me.id });
    expect(user.id).toBe(me.id);
    const profile = toPelotonProfile({ me, overview });
    expect(profile.userId).toBe(DEMO_MEMBER.userId);
    expect(profile.username).toBe(DEMO_MEMBER.username);
    expect(profile.totalWorkouts).toBeGreaterThan(0);
    expect(Object.values(profile.workoutCounts).reduce((a, b) => a + b, 0)).toBe(profile.totalWorkouts);
    expect((profile.totalPedalingMetricWorkouts ?? 0) + (profile.totalNonPedalingMetricWorkouts ?? 0)).toBe(profile.totalWorkouts);
    expect(profile.ftp?.watts).toBeGreaterThan(0);
    expect(profile.bestWeeklyStreak).toBeGreaterThanOrEqual(profile.currentWeeklyStreak ?? 0);
    expect(profile.achievementsCount).toBeGreaterThanOrEqual(0);
    expect(profile.personalRecords.length).toBeGreaterThan(0);
  });

  it("gets 401 → unauthorized after expireAccessTokens, and recovers with one refresh", async () => {
    const tokens = await login(DEMO_MEMBER);
    sim.expireAccessTokens();
    const error = await providerFailure(getMe({ accessToken: tokens.accessToken, apiBaseUrl: sim.url }));
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    let current = tokens;
    const me = await withTokenRefresh(
      {
        accessToken: tokens.accessToken,
        refresh: async () => {
          current = await refreshTokens({ refreshToken: current.refreshToken, authBaseUrl: sim.url });
          return current.accessToken;
        },
      },
      (accessToken) => getMe({ accessToken, apiBaseUrl: sim.url }),
    );
    expect(me.id).toBe(DEMO_MEMBER.userId);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("maps Cloudflare 1015 on the API to rate_limited with Retry-After", async () => {
    const tokens = await login(DEMO_MEMBER);
    sim.faults.add({ path: "^/api/me$", status: 429, retryAfterSeconds: 45, times: 1 });
    const error = await providerFailure(getMe({ accessToken: tokens.accessToken, apiBaseUrl: sim.url }));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 45 });
    expect(sim.stats.requests.filter((r) => r.path === "/api/me")).toHaveLength(1);
  });
});
