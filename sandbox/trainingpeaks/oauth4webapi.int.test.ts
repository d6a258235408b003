/**
 * The simulator's OAuth responses must satisfy oauth4webapi, the library Auth.js uses for the token
 * exchange (docs/trainingpeaks-api.md §7.1). This drives it the way @auth/core's callback does, with `checks: ["state"]`.
 */
import * as o from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLIENT, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import { authorizeUrl, completeConsent } from "./testing";

const REDIRECT = "http://localhost:3000/api/auth/callback/trainingpeaks";
let sim: TrainingPeaksSimulator;
let as: o.AuthorizationServer;
const client: o.Client = { client_id: DEMO_CLIENT.clientId };

beforeAll(async () => {
  sim = await startTrainingPeaksSimulator({ quiet: true });
  as = { issuer: "https://authjs.dev", token_endpoint: `${sim.url}/oauth/token` };
});
afterAll(() => sim.close());

function dropCodeVerifier(...args: Parameters<typeof fetch>): ReturnType<typeof fetch> {
  const body = args[1]?.body;
  if (body instanceof URLSearchParams) body.delete("code_verifier");
  return fetch(...args);
}

async function exchange(clientAuth: o.ClientAuth) {
  const consent = await completeConsent(sim.url, { state: "auth-js-state" });
  const params = o.validateAuthResponse(as, client, consent.location.searchParams, "auth-js-state");
  const response = await o.authorizationCodeGrantRequest(as, client, clientAuth, params, REDIRECT, "decoy", {
    [o.allowInsecureRequests]: true,
    [o.customFetch]: dropCodeVerifier,
  });
  return o.processAuthorizationCodeResponse(as, client, response);
}

const authJsBasic: o.ClientAuth = (_as, _client, _body, headers) => {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  headers.set("authorization", `Basic ${btoa(`${encode(DEMO_CLIENT.clientId)}:${encode(DEMO_CLIENT.clientSecret)}`)}`);
};

describe("oauth4webapi compatibility", () => {
  it("accepts the code exchange with client_secret_post", async () => {
    const tokens = await exchange(o.ClientSecretPost(DEMO_CLIENT.clientSecret));
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.expires_in).toBe(3600);
    expect(typeof tokens.refresh_token).toBe("string");
    expect(tokens.scope).toBe(DEMO_CLIENT.scopes.join(" "));
  });

  it("accepts the code exchange with Auth.js's Basic authentication", async () => {
    const tokens = await exchange(authJsBasic);
    expect(typeof tokens.access_token).toBe("string");
  });

  it("accepts the refresh response and surfaces invalid_grant as an OAuth error", async () => {
    const first = await exchange(o.ClientSecretPost(DEMO_CLIENT.clientSecret));
    const refreshToken = first.refresh_token ?? "";
    const refresh = () =>
      o.refreshTokenGrantRequest(as, client, o.ClientSecretPost(DEMO_CLIENT.clientSecret), refreshToken, { [o.allowInsecureRequests]: true });
    const second = await o.processRefreshTokenResponse(as, client, await refresh());
    expect(second.refresh_token).not.toBe(refreshToken);
    await expect(o.processRefreshTokenResponse(as, client, await refresh())).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("turns a denied consent into an AuthorizationResponseError", async () => {
    const consent = await completeConsent(sim.url, { state: "s", decision: "deny" });
    expect(() => o.validateAuthResponse(as, client, consent.location.searchParams, "s")).toThrow(o.AuthorizationResponseError);
  });

  it("links the consent page from the authorize URL Auth.js builds", async () => {
    const url = new URL(authorizeUrl(sim.url));
    url.searchParams.set("code_challenge", "ignored");
    url.searchParams.set("code_challenge_method", "S256");
    expect((await fetch(url)).status).toBe(200);
  });
});
