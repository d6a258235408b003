import { describe, expect, it } from "vitest";
import { providerFailure } from "@/test/failures";
import { FAKE_BASE, FAKE_MEMBER, FAKE_USER_ID, FakeAuth0, fakeJwt, json } from "../__fixtures__/fake-auth0";
import { loginWithPassword } from "./login";
import type { LoginStepEvent } from "./login-flow";
import { decodeJwtClaims, refreshTokens, shouldRefresh, tokensFromResponse } from "./tokens";

describe("decodeJwtClaims", () => {
  it("reads the Peloton user id claim without verifying", () => {
    const claims = decodeJwtClaims(fakeJwt({ "http://onepeloton.com/user_id": FAKE_USER_ID, exp: 1_800_000_000, extra: [1] }));
    expect(claims?.["http://onepeloton.com/user_id"]).toBe(FAKE_USER_ID);
    expect(claims?.exp).toBe(1_800_000_000);
  });

  it("returns undefined for something that is not a JWT", () => {
    expect(decodeJwtClaims("opaque-token")).toBeUndefined();
    expect(decodeJwtClaims("a.bm90IGpzb24.c")).toBeUndefined();
    expect(decodeJwtClaims(`a.${Buffer.from("[1,2]").toString("base64url")}.c`)).toBeUndefined();
  });
});

describe("tokensFromResponse", () => {
  const now = Date.parse("2026-03-01T00:00:00Z");
  it("treats expires_in as seconds (not P2G's hours)", () => {
    const result = tokensFromResponse({ access_token: fakeJwt({}), refresh_token: "v1.r", expires_in: 172800, scope: "openid" }, now);
    expect(result).toEqual({ ok: true, tokens: { accessToken: expect.any(String), refreshToken: "v1.r", expiresAt: now + 172800_000, userId: null, scope: "openid" } });
  });

  it("falls back to the exp claim, keeps the previous refresh token, and reports what is missing", () => {
    const exp = now / 1000 + 3600;
    expect(tokensFromResponse({ access_token: fakeJwt({ exp }) }, now, "v1.old")).toMatchObject({ ok: true, tokens: { expiresAt: exp * 1000, refreshToken: "v1.old" } });
    expect(tokensFromResponse({ access_token: fakeJwt({ exp }) }, now)).toEqual({ ok: false, missing: "refresh_token" });
    expect(tokensFromResponse({ access_token: "opaque", refresh_token: "r" }, now)).toEqual({ ok: false, missing: "expiry" });
    expect(tokensFromResponse({ error: "x" }, now)).toEqual({ ok: false, missing: "access_token" });
  });
});

describe("shouldRefresh", () => {
  it("refreshes within 6 h of expiry by default", () => {
    const now = 1_000_000_000_000;
    expect(shouldRefresh({ expiresAt: now + 7 * 3600_000 }, now)).toBe(false);
    expect(shouldRefresh({ expiresAt: now + 5 * 3600_000 }, now)).toBe(true);
    expect(shouldRefresh({ expiresAt: now - 1 }, now)).toBe(true);
    expect(shouldRefresh({ expiresAt: now + 5 * 3600_000 }, now, 3600_000)).toBe(false);
  });
});

describe("refreshTokens (docs/peloton-api.md §2.7)", () => {
  it("rotates the refresh token; the old one is then rejected as disconnected", async () => {
    const fake = new FakeAuth0();
    const first = await loginWithPassword({ ...FAKE_MEMBER, authBaseUrl: FAKE_BASE, fetchImpl: fake.fetch });
    const steps: LoginStepEvent[] = [];
    const second = await refreshTokens({ refreshToken: first.refreshToken, authBaseUrl: FAKE_BASE, fetchImpl: fake.fetch, onStep: (s) => steps.push(s) });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.userId).toBe(FAKE_USER_ID);
    expect(steps).toEqual([expect.objectContaining({ name: "refresh", status: 200, path: "/oauth/token" })]);
    const request = fake.to("/oauth/token").at(-1);
    expect(JSON.parse(request?.body ?? "")).toEqual({ grant_type: "refresh_token", client_id: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM", refresh_token: first.refreshToken });
    expect(request?.headers.get("content-type")).toBe("application/json");

    const error = await providerFailure(refreshTokens({ refreshToken: first.refreshToken, authBaseUrl: FAKE_BASE, fetchImpl: fake.fetch }));
    expect(error).toMatchObject({ provider: "peloton", code: "disconnected", status: 403 });
    expect(error.message).not.toContain(first.refreshToken);
  });

  it("keeps the old refresh token when Peloton does not rotate", async () => {
    const fetchImpl: typeof fetch = async () => json(200, { access_token: fakeJwt({ exp: 2_000_000_000 }), expires_in: 100 });
    const tokens = await refreshTokens({ refreshToken: "v1.keep", authBaseUrl: FAKE_BASE, fetchImpl, now: () => 5_000 });
    expect(tokens).toMatchObject({ refreshToken: "v1.keep", expiresAt: 105_000 });
  });

  it("maps other failures to ProviderError codes and never retries", async () => {
    let calls = 0;
    const answer = (response: () => Response): typeof fetch => async () => {
      calls += 1;
      return response();
    };
    const base = { refreshToken: "v1.r", authBaseUrl: FAKE_BASE };
    expect(await providerFailure(refreshTokens({ ...base, fetchImpl: answer(() => new Response("error code: 1015", { status: 429, headers: { "retry-after": "30" } })) }))).toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 30,
    });
    expect(await providerFailure(refreshTokens({ ...base, fetchImpl: answer(() => new Response("oops", { status: 502 })) }))).toMatchObject({ code: "unavailable" });
    expect(await providerFailure(refreshTokens({ ...base, fetchImpl: answer(() => json(401, { error: "unauthorized_client" })) }))).toMatchObject({ code: "invalid_request" });
    expect(await providerFailure(refreshTokens({ ...base, fetchImpl: answer(() => new Response("<html>", { status: 200 })) }))).toMatchObject({ code: "bad_response" });
    expect(calls).toBe(4);
    const network = await providerFailure(
      refreshTokens({
        ...base,
        fetchImpl: async () => {
          throw new TypeError("fetch failed");
        },
      }),
    );
    expect(network).toMatchObject({ code: "unavailable" });
    expect(network.cause).toBeInstanceOf(TypeError);
  });
});
