import { describe, expect, it } from "vitest";
import { codeChallengeS256, createCodeVerifier, createPkceSet, isValidCodeVerifier, randomUrlSafe } from "./pkce";

describe("PKCE", () => {
  it("matches the RFC 7636 appendix B test vector", () => {
    expect(codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("makes 64-character base64url verifiers (docs/peloton-api.md §2.2)", () => {
    const verifier = createCodeVerifier();
    expect(verifier).toHaveLength(64);
    expect(isValidCodeVerifier(verifier)).toBe(true);
    expect(createCodeVerifier()).not.toBe(verifier);
  });

  it("makes challenges without padding", () => {
    const challenge = codeChallengeS256(createCodeVerifier());
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("rejects verifiers outside RFC 7636", () => {
    expect(() => codeChallengeS256("short")).toThrow(RangeError);
    expect(isValidCodeVerifier("a".repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${"a".repeat(42)}+`)).toBe(false);
  });

  it("makes 32-character url-safe state and nonce, fresh each time", () => {
    const set = createPkceSet();
    expect(set.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(set.nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(set.method).toBe("S256");
    expect(set.challenge).toBe(codeChallengeS256(set.verifier));
    expect(createPkceSet().state).not.toBe(set.state);
    expect(randomUrlSafe(10)).toHaveLength(10);
  });
});
