import { describe, expect, it } from "vitest";
import { AuthState } from "../core/auth-state";

describe("login page _csrf tokens", () => {
  it("always verify against their cookie secret (a salt never contains the separator)", () => {
    const state = new AuthState();
    const secret = "cookieSecretValue";
    state.csrfSecrets.add(secret);
    for (let i = 0; i < 2000; i++) expect(state.csrfMatches(secret, state.csrfPageToken(secret))).toBe(true);
    expect(state.csrfMatches(secret, state.csrfPageToken("another-secret"))).toBe(false);
    expect(state.csrfMatches(secret, secret)).toBe(true);
  });
});
