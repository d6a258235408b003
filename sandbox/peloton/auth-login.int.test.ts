import { describe, expect, it } from "vitest";
import { DEMO_MEMBER, TEST_MEMBERS, startPelotonSimulator, type PelotonSimulator } from "./server";
import {
  api, credentialBody, exchangeCode, followCallback, jarFetch, jwtClaims, parseHiddenForm, postCredentials, startLogin, submitCredentials, tokenSchema,
} from "./test-kit";
import { WEB_CLIENT_ID } from "./data/constants";
import { withSimulator } from "../shared/vitest-sim";

let sim: PelotonSimulator;

withSimulator(async () => (sim = await startPelotonSimulator({ quiet: true, lockoutThreshold: 3 })));

const credentialStep = (email = DEMO_MEMBER.email, password = DEMO_MEMBER.password) => submitCredentials(sim.url, email, password);

describe("headless Auth0 login (docs/peloton-api.md §2)", () => {
  it("runs authorize → login page → credentials → six-hop callback → PKCE token exchange", async () => {
    const start = await startLogin(sim.url);
    expect(start.txn).not.toBe(start.clientState);
    expect(start.txn.length).toBeGreaterThan(100);
    expect(start.loginResponse.status).toBe(200);
    expect(start.loginHtml).toContain("<title>Log in | Peloton</title>");
    expect(start.loginResponse.headers.getSetCookie().find((c) => c.startsWith("_csrf="))).toMatch(
      /^_csrf=[^;]+; Path=\/usernamepassword\/login; HttpOnly; Secure; SameSite=None$/,
    );
    expect(start.jar.get("did")).toBeTruthy();
    expect(start.jar.get("auth0")).toBeTruthy();

    const res = await postCredentials(sim.url, start, credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" name="hiddenform" action="');
    expect(html).toContain("&#34;strategy&#34;:&#34;auth0&#34;");
    const form = parseHiddenForm(html);
    expect(form?.action).toBe(`${sim.url}/login/callback`);
    expect(Object.keys(form?.fields ?? {})).toEqual(["wa", "wresult", "wctx"]);
    expect(form?.fields.wa).toBe("wsignin1.0");
    expect(form?.fields.wresult?.split(".")).toHaveLength(3);
    expect(JSON.parse(form?.fields.wctx ?? "{}")).toMatchObject({ state: start.txn, connection: "pelo-user-password", tenant: "peloton-prod" });

    const cb = await followCallback(sim.url, start.jar, form ?? { action: "", fields: {} });
    expect(cb.hops).toEqual([
      "/authorize/resume", "/sso/login_site", "/sso/login_domain", "/continue", "/authorize/resume", "https://members.onepeloton.com/callback",
    ]);
    expect(cb.state).toBe(start.clientState);
    expect(cb.code).toBeTruthy();

    const tokenRes = await exchangeCode(sim.url, cb.code ?? "", start.verifier);
    expect(tokenRes.status).toBe(200);
    const tokens = tokenSchema.parse(await tokenRes.json());
    expect(tokens).toMatchObject({ expires_in: 172800, token_type: "Bearer", scope: "offline_access openid peloton-api.members:default" });
    expect(tokens.refresh_token).toMatch(/^v1\./);
    const claims = jwtClaims(tokens.access_token);
    expect(claims["http://onepeloton.com/user_id"]).toBe(DEMO_MEMBER.userId);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(172800);
    expect(jwtClaims(tokens.id_token).nonce).toBe(start.nonce);
    const me = await api(sim.url, tokens.access_token, "/api/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: DEMO_MEMBER.userId, username: DEMO_MEMBER.username });
    expect(sim.stats.tokenExchanges.authorization_code).toBe(1);
    expect(sim.stats.loginAttempts).toBe(1);
  });

  it("accepts the one-hop callback shape", async () => {
    const short = await startPelotonSimulator({ quiet: true, redirectChain: "one-hop" });
    try {
      const start = await startLogin(short.url);
      const res = await postCredentials(short.url, start, credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password));
      const cb = await followCallback(short.url, start.jar, parseHiddenForm(await res.text()) ?? { action: "", fields: {} });
      expect(cb.hops).toEqual(["https://members.onepeloton.com/callback"]);
      expect(cb.state).toBe(start.clientState);
      expect((await exchangeCode(short.url, cb.code ?? "", start.verifier)).status).toBe(200);
    } finally {
      await short.close();
    }
  });

  it("accepts the page's internalOptions._csrf as well as the cookie value, and the username instead of the e-mail", async () => {
    const start = await startLogin(sim.url);
    expect(start.pageCsrf).not.toBe(start.jar.get("_csrf"));
    const res = await postCredentials(sim.url, start, credentialBody(start, DEMO_MEMBER.username.toUpperCase(), DEMO_MEMBER.password, { _csrf: start.pageCsrf }));
    expect(res.status).toBe(200);
  });

  it("rejects a bad authorize request before minting a transaction", async () => {
    const wrongClient = await fetch(`${sim.url}/authorize?client_id=nope&redirect_uri=x`, { redirect: "manual" });
    expect(wrongClient.status).toBe(400);
    const start = startLogin(sim.url, { redirect_uri: "http://localhost:3000/callback" });
    await expect(start).rejects.toThrow("authorize answered 400");
    const jar = (await startLogin(sim.url)).jar;
    const noPkce = await jarFetch(jar, `${sim.url}/authorize?client_id=${WEB_CLIENT_ID}&redirect_uri=${encodeURIComponent("https://members.onepeloton.com/callback")}&response_type=code&state=s&audience=${encodeURIComponent("https://api.onepeloton.com/")}&scope=openid`);
    expect(noPkce.status).toBe(302);
    const location = new URL(noPkce.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("state")).toBe("s");
  });
});

describe("credential step errors (docs/peloton-api.md §2.4)", () => {
  it("answers a wrong password with 401 invalid_user_password", async () => {
    const { res } = await credentialStep(DEMO_MEMBER.email, "wrong");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 });
  });

  it("blocks an account after lockoutThreshold consecutive failures until the lockout window passes", async () => {
    for (let i = 0; i < 3; i++) expect((await credentialStep(DEMO_MEMBER.email, `bad-${i}`)).res.status).toBe(401);
    const blocked = await credentialStep();
    expect(blocked.res.status).toBe(429);
    expect(await blocked.res.json()).toMatchObject({ code: "too_many_attempts", statusCode: 429 });
    sim.clock.advance(16 * 60_000);
    expect((await credentialStep()).res.status).toBe(200);
  });

  it("resets the failure count on success", async () => {
    for (let i = 0; i < 2; i++) await credentialStep(DEMO_MEMBER.email, "bad");
    expect((await credentialStep()).res.status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await credentialStep(DEMO_MEMBER.email, "bad")).res.status).toBe(401);
  });

  it("always answers the locked account with too_many_attempts", async () => {
    const { res } = await credentialStep(TEST_MEMBERS.locked.email, TEST_MEMBERS.locked.password);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: "too_many_attempts" });
  });

  it("answers the mfa account with a verification page that has no /login/callback form", async () => {
    const { res } = await credentialStep(TEST_MEMBERS.mfa.email, TEST_MEMBERS.mfa.password);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Verify your identity");
    expect(html).not.toContain("/login/callback");
    expect(parseHiddenForm(html)?.action).toMatch(/^\/u\/mfa-otp-challenge/);
    expect((await credentialStep(TEST_MEMBERS.mfa.email, "wrong")).res.status).toBe(401);
  });

  it("rejects a request without the _csrf cookie", async () => {
    const start = await startLogin(sim.url);
    const body = credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password);
    start.jar.delete("_csrf");
    const res = await postCredentials(sim.url, start, body);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ statusCode: 403, description: "Invalid state", name: "AnomalyDetected", code: "access_denied" });
  });

  it("rejects the client's own state instead of the transaction state", async () => {
    const start = await startLogin(sim.url);
    const res = await postCredentials(sim.url, start, credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password, { state: start.clientState }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ statusCode: 403, description: "Invalid state", name: "AnomalyDetected", code: "access_denied" });
  });

  it("requires the pelo-user-password connection and the authorize parameters", async () => {
    const start = await startLogin(sim.url);
    const wrongConnection = await postCredentials(sim.url, start, credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password, { connection: "Username-Password-Authentication" }));
    expect(wrongConnection.status).toBe(400);
    const wrongChallenge = await postCredentials(sim.url, start, credentialBody(start, DEMO_MEMBER.email, DEMO_MEMBER.password, { code_challenge: "x".repeat(43) }));
    expect(wrongChallenge.status).toBe(400);
  });

  it("refuses a callback whose wctx was not HTML-decoded", async () => {
    const { start, res } = await credentialStep();
    const form = parseHiddenForm(await res.text());
    const raw = { action: form?.action ?? "", fields: { ...form?.fields, wctx: (form?.fields.wctx ?? "").replaceAll('"', "&#34;") } };
    const cb = await followCallback(sim.url, start.jar, raw);
    expect(cb.code).toBeNull();
    expect(cb.last.status).toBe(400);
  });

  it("needs the auth0 session cookie along the redirect chain", async () => {
    const { start, res } = await credentialStep();
    const form = parseHiddenForm(await res.text()) ?? { action: "", fields: {} };
    const first = await jarFetch(start.jar, form.action, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form.fields).toString() });
    expect(first.status).toBe(302);
    const resume = await fetch(new URL(first.headers.get("location") ?? "", sim.url), { redirect: "manual" });
    expect(resume.status).toBe(400);
  });
});
