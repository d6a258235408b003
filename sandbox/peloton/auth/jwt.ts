import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { parseJson } from "../core/reply";

/**
 * Minimal HS256 JWTs. Real Peloton tokens are RS256 from Auth0; clients only decode the claims
 * (they never verify the signature), so a simulator secret keeps the format without a key pair.
 */
const headerSchema = z.object({ alg: z.literal("HS256"), typ: z.string().optional(), kid: z.string().optional() });

export type JwtClaims = Record<string, unknown>;

function sign(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "peloton-sim-1" })).toString("base64url");
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${header}.${payload}.${sign(`${header}.${payload}`, secret)}`;
}

/** The parsed claims when the signature is valid (expiry is the caller's business), else undefined. */
export function verifyJwt<T>(token: string, secret: string, schema: z.ZodType<T>): T | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts;
  if (!header || !payload || !signature) return undefined;
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const head = parseJson(Buffer.from(header, "base64url").toString("utf8"));
  if (!head.ok || !headerSchema.safeParse(head.value).success) return undefined;
  const body = parseJson(Buffer.from(payload, "base64url").toString("utf8"));
  if (!body.ok) return undefined;
  const parsed = schema.safeParse(body.value);
  return parsed.success ? parsed.data : undefined;
}
