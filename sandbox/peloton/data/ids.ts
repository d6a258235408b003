import { createHash, randomBytes } from "node:crypto";

/** A stable 32-char lowercase hex id (Peloton's id format) derived from a name. */
export function hexId(name: string): string {
  return createHash("md5").update(`peloton-sim:${name}`).digest("hex");
}

/** A stable 32-bit seed derived from a name. */
export function seedOf(name: string): number {
  return Number.parseInt(createHash("md5").update(`seed:${name}`).digest("hex").slice(0, 8), 16);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function randomHex(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}

export function sha256Base64Url(value: string): string {
  return createHash("sha256").update(value, "ascii").digest("base64url");
}
