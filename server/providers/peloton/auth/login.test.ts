import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FAKE_BASE, FAKE_MEMBER, FAKE_USER_ID, FakeAuth0, html, redirect, type FakeAuth0Options } from "../__fixtures__/fake-auth0";
import type { LoginStepEvent } from "./login-flow";
import { loginWithPassword } from "./login";
import { PELOTON_AUTH } from "./constants";

const jsonObject = z.record(z.string(), z.unknown());

function setup(opts: FakeAuth0Options = {}) {
  const fake = new FakeAuth0(opts);
  const steps: LoginStepEvent[] = [];
  const login = (overrides: Partial<Parameters<typeof loginWithPassword>[0]> = {}) =>
    loginWithPassword({ ...FAKE_MEMBER, authBaseUrl: FAKE_BASE, fetchImpl: fake.fetch, onStep: (s) => steps.push(s), ...overrides });
  return { fake, steps, login };
}

describe("loginWithPassword: the happy path (docs/peloton-api.md §2)", () => {
  it("logs in through the six-hop chain and returns tokens", async () => {
    const { fake, steps, login } = setup();
    const before = Date.now();
    const tokens = await login();

    // the token issued, not a new one: a second later its `exp` differs
    expect(tokens.accessToken).toBe(fake.issuedAccessToken);
    expect(tokens.refreshToken).toBe("v1.refresh-synthetic-0001");
    expect(tokens.userId).toBe(FAKE_USER_ID);
    expect(tokens.scope).toBe(PELOTON_AUTH.scope);
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 172800_000);
    expect(tokens.expiresAt).toBeLessThan(Date.now() + 172800_000 + 1000);

    expect(fake.requests.map((r) => `${r.method} ${r.url.host}${r.url.pathname}`)).toEqual([
      "GET auth.onepeloton.com/authorize",
      "GET auth.onepeloton.com/login",
      "POST auth.onepeloton.com/usernamepassword/login",
      "POST auth.onepeloton.com/login/callback",
      "GET auth.onepeloton.com/authorize/resume",
      "GET auth-orca.onepeloton.com/sso/login_site",
      "GET auth-orca.onepeloton.com/sso/login_domain",
      "GET auth.onepeloton.com/continue",
      "GET auth.onepeloton.com/authorize/resume",
      "POST auth.onepeloton.com/oauth/token",
    ]);
    expect(steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      "authorize:302",
      "login_page:200",
      "credentials:200",
      "callback:302",
      "redirect:302",
      "redirect:303",
      "redirect:303",
      "redirect:302",
      "redirect:302",
      "token_exchange:200",
    ]);
  });

  it("sends every /authorize parameter from docs/peloton-api.md §2.1/§2.3", async () => {
    const { fake, login } = setup();
    await login();
    const params = Object.fromEntries(fake.to("/authorize")[0]?.url.searchParams ?? []);
    expect(params).toMatchObject({
      client_id: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
      audience: "https://api.onepeloton.com/",
      scope: "offline_access openid peloton-api.members:default",
      response_type: "code",
      response_mode: "query",
      redirect_uri: "https://members.onepeloton.com/callback",
      code_challenge_method: "S256",
      auth0Client: "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9",
    });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("posts the credentials as JSON with the transaction state, the _csrf cookie and browser headers (docs/peloton-api.md §2.4)", async () => {
    const { fake, login } = setup();
    await login();
    const request = fake.to("/usernamepassword/login")[0];
    if (!request) throw new Error("no credentials request");
    const body = jsonObject.parse(JSON.parse(request.body));
    expect(body).toEqual({
      client_id: PELOTON_AUTH.clientId,
      redirect_uri: PELOTON_AUTH.redirectUri,
      tenant: "peloton-prod",
      response_type: "code",
      scope: PELOTON_AUTH.scope,
      audience: PELOTON_AUTH.audience,
      _csrf: "csrfCookieSecret-abc123",
      state: expect.stringMatching(/^hKFo2SB/),
      _intstate: "deprecated",
      nonce: fake.nonce,
      username: FAKE_MEMBER.email,
      password: FAKE_MEMBER.password,
      connection: "pelo-user-password",
      code_challenge: fake.challenge,
      code_challenge_method: "S256",
    });
    expect(body.state).not.toBe(fake.clientState);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("accept")).toBe("*/*");
    expect(request.headers.get("origin")).toBe(FAKE_BASE);
    expect(request.headers.get("referer")).toMatch(/^https:\/\/auth\.onepeloton\.com\/login\?state=hKFo2SB/);
    expect(request.headers.get("auth0-client")).toBe(PELOTON_AUTH.auth0Client);
    expect(request.headers.get("user-agent")).toMatch(/^Mozilla\/5\.0/);
  });

  it("sends _csrf only to /usernamepassword/login and carries cookies hop to hop", async () => {
    const { fake, login } = setup();
    await login();
    for (const request of fake.requests) {
      const cookie = request.headers.get("cookie") ?? "";
      expect(cookie.includes("_csrf="), `${request.url.pathname}: ${cookie}`).toBe(request.url.pathname === "/usernamepassword/login");
    }
    expect(fake.to("/login")[0]?.headers.get("cookie")).toContain("did=");
    expect(fake.to("/continue")[0]?.headers.get("cookie")).toContain("peloton_visited_domains=onepeloton.com");
    expect(fake.to("/sso/login_site")[0]?.headers.get("cookie")).toBeNull();
  });

  it("re-posts the decoded hidden form and never loads the members app", async () => {
    const { fake, login } = setup();
    await login();
    const callback = fake.to("/login/callback")[0];
    expect(callback?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(callback?.body);
    expect([...form.keys()]).toEqual(["wa", "wresult", "wctx"]);
    expect(jsonObject.parse(JSON.parse(form.get("wctx") ?? "")).tenant).toBe("peloton-prod");
    expect(fake.requests.some((r) => r.url.host === "members.onepeloton.com")).toBe(false);
    const token = jsonObject.parse(JSON.parse(fake.to("/oauth/token")[0]?.body ?? ""));
    expect(token).toMatchObject({ grant_type: "authorization_code", client_id: PELOTON_AUTH.clientId, code: fake.code, redirect_uri: PELOTON_AUTH.redirectUri });
    expect(token.code_verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it("accepts the one-hop chain", async () => {
    const { fake, login } = setup({ redirectChain: "one-hop" });
    const tokens = await login();
    expect(tokens.userId).toBe(FAKE_USER_ID);
    expect(fake.to("/authorize/resume")).toHaveLength(0);
  });

  it("follows a Location answer to the credentials POST", async () => {
    const { login } = setup({
      override: (r) => (r.url.pathname === "/usernamepassword/login" && r.method === "POST" ? redirect("/continue?state=R1") : undefined),
    });
    expect((await login()).userId).toBe(FAKE_USER_ID);
  });

  it("falls back to the login URL's state when injectedConfig is gone", async () => {
    const { login } = setup({
      override: (r) =>
        r.url.pathname === "/login" ? html("<html><title>Log in</title></html>", ["_csrf=csrfCookieSecret-abc123; Path=/usernamepassword/login; Secure"]) : undefined,
    });
    expect((await login()).userId).toBe(FAKE_USER_ID);
  });

  it("never puts a secret in the step events", async () => {
    const { fake, steps, login } = setup();
    const tokens = await login();
    const logged = JSON.stringify(steps);
    for (const secret of [FAKE_MEMBER.password, FAKE_MEMBER.email, tokens.accessToken, tokens.refreshToken, fake.code, "csrfCookieSecret", "hKFo2SB", "state="]) {
      expect(logged).not.toContain(secret);
    }
    expect(steps.every((s) => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
  });
});
