import { describe, expect, it } from "vitest";
import { DEMO_MEMBER, startPelotonSimulator, type PelotonSimulator } from "./server";
import {
  api, exchangeCode, followCallback, login, parseHiddenForm, submitCredentials, tokenSchema,
} from "./test-kit";
import { WEB_CLIENT_ID } from "./data/constants";
import { withSimulator } from "../shared/vitest-sim";

let sim: PelotonSimulator;

withSimulator(async () => (sim = await startPelotonSimulator({ quiet: true, lockoutThreshold: 3 })));

describe("token endpoint (docs/peloton-api.md §2.6–§2.8)", () => {
  async function codeFor() {
    const { start, res } = await submitCredentials(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
    const cb = await followCallback(sim.url, start.jar, parseHiddenForm(await res.text()) ?? { action: "", fields: {} });
    return { code: cb.code ?? "", verifier: start.verifier };
  }

  it("verifies PKCE and burns the code", async () => {
    const { code, verifier } = await codeFor();
    const bad = await exchangeCode(sim.url, code, `${verifier.slice(0, -1)}${verifier.endsWith("A") ? "B" : "A"}`);
    expect(bad.status).toBe(403);
    expect(await bad.json()).toMatchObject({ error: "invalid_grant" });
    expect((await exchangeCode(sim.url, code, verifier)).status).toBe(403);
  });

  it("makes codes single-use and short-lived", async () => {
    const first = await codeFor();
    expect((await exchangeCode(sim.url, first.code, first.verifier)).status).toBe(200);
    expect((await exchangeCode(sim.url, first.code, first.verifier)).status).toBe(403);
    const second = await codeFor();
    sim.clock.advance(61_000);
    expect((await exchangeCode(sim.url, second.code, second.verifier)).status).toBe(403);
  });

  it("rotates refresh tokens and rejects the old one (JSON and form bodies)", async () => {
    const tokens = await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
    const refresh = (token: string, form: boolean) =>
      fetch(`${sim.url}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": form ? "application/x-www-form-urlencoded; charset=utf-8" : "application/json" },
        body: form
          ? new URLSearchParams({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: token }).toString()
          : JSON.stringify({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: token }),
      });
    const first = await refresh(tokens.refresh_token ?? "", true);
    expect(first.status).toBe(200);
    const rotated = tokenSchema.parse(await first.json());
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(rotated.access_token).not.toBe(tokens.access_token);
    const reused = await refresh(tokens.refresh_token ?? "", false);
    expect(reused.status).toBe(403);
    expect(await reused.json()).toEqual({ error: "invalid_grant", error_description: "Unknown or invalid refresh token." });
    expect((await refresh(rotated.refresh_token ?? "", false)).status).toBe(200);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(3);
  });

  it("refuses the password grant for the web client", async () => {
    const res = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "password", client_id: WEB_CLIENT_ID, username: DEMO_MEMBER.email, password: DEMO_MEMBER.password }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: "unauthorized_client",
      error_description: "Grant type 'password' not allowed for the client.",
      error_uri: "https://manage.onepeloton.auth0.com/docs/clients/client-grant-types",
    });
  });

  it("keeps the legacy session login dead", async () => {
    for (const path of ["/auth/login", "/auth/login?="]) {
      const res = await fetch(`${sim.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username_or_email: DEMO_MEMBER.email, password: DEMO_MEMBER.password }) });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ status: 403, message: "Access forbidden. Endpoint no longer accepting requests." });
    }
  });
});

describe("token lifetime and revocation", () => {
  it("expires access tokens by the simulator clock; refresh still works", async () => {
    // The clock keeps running in real time under the offset: 10 s either side of the 48-hour lifetime keeps a busy machine out of it.
    const tokens = await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
    sim.clock.advance(172_790_000);
    expect((await api(sim.url, tokens.access_token, "/api/me")).status).toBe(200);
    sim.clock.advance(20_000);
    const expired = await api(sim.url, tokens.access_token, "/api/me");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ status: 401, error_code: 3020, subcode: null, message: "Not logged in", details: null });
    const refreshed = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: tokens.refresh_token }),
    });
    const next = tokenSchema.parse(await refreshed.json());
    expect((await api(sim.url, next.access_token, "/api/me")).status).toBe(200);
  });

  it("honours accessTokenTtlSeconds, expireAccessTokens and revokeRefreshTokens", async () => {
    const short = await startPelotonSimulator({ quiet: true, accessTokenTtlSeconds: 60 });
    try {
      const tokens = await login(short.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
      expect(tokens.expires_in).toBe(60);
      short.expireAccessTokens();
      expect((await api(short.url, tokens.access_token, "/api/me")).status).toBe(401);
      short.revokeRefreshTokens(DEMO_MEMBER.email);
      const res = await fetch(`${short.url}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: tokens.refresh_token }),
      });
      expect(res.status).toBe(403);
    } finally {
      await short.close();
    }
  });

  it("does not accept tokens from another simulator instance", async () => {
    const tokens = await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
    const other = await startPelotonSimulator({ quiet: true });
    try {
      expect((await api(other.url, tokens.access_token, "/api/me")).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
