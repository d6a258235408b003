import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** RFC 4648 section 5 base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/** RFC 7636 section 4.1: 43–128 characters of [A-Za-z0-9-._~]. */
export function isValidCodeVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

/** 64 random bytes → base64url, cut to 64 characters (docs/peloton-api.md §2.2). */
export function createCodeVerifier(): string {
  return base64url(randomBytes(64)).slice(0, 64);
}

/** S256: base64url(SHA-256(ASCII verifier)) without padding. */
export function codeChallengeS256(verifier: string): string {
  if (!isValidCodeVerifier(verifier)) throw new RangeError("PKCE code_verifier must be 43–128 characters of [A-Za-z0-9-._~].");
  return base64url(createHash("sha256").update(verifier, "ascii").digest());
}

/** `length` random base64url characters (state and nonce use 32, docs/peloton-api.md §2.2). */
export function randomUrlSafe(length = 32): string {
  return base64url(randomBytes(Math.ceil((length * 3) / 4) + 1)).slice(0, length);
}

export interface PkceSet {
  verifier: string;
  challenge: string;
  method: "S256";
  state: string;
  nonce: string;
}

/** Fresh values for one login attempt; never reuse them across attempts. */
export function createPkceSet(): PkceSet {
  const verifier = createCodeVerifier();
  return { verifier, challenge: codeChallengeS256(verifier), method: "S256", state: randomUrlSafe(32), nonce: randomUrlSafe(32) };
}
