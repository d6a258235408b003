import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { requireSealingKeys } from "./env";

/**
 * Sealing secrets at rest: AES-256-GCM with a key id so keys can rotate.
 * Format: `sealed:v1:<keyId>:<iv b64url>:<ciphertext+tag b64url>`.
 * The optional context (e.g. "account:trainingpeaks:4100123:refresh_token") is bound as associated data,
 * so a sealed value copied into another row or column does not open.
 */
const PREFIX = "sealed:v1:";

export interface SealingKey {
  id: string;
  key: Buffer;
}

/** A sealed value we cannot open or a key we do not have (`crypto.unsealable`; never shown to a user as is). */
function sealError(message: string, options?: { cause?: unknown }): AppError {
  return new AppError("crypto.unsealable", { message, cause: options?.cause });
}

export function sealWith(keys: SealingKey[], plaintext: string, context = ""): string {
  const active = keys[0];
  if (!active) throw sealError("No sealing key configured.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${active.id}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

export function openWith(keys: SealingKey[], sealed: string, context = ""): string {
  if (!isSealed(sealed)) throw sealError("Value is not sealed.");
  const [keyId, ivText, bodyText] = sealed.slice(PREFIX.length).split(":");
  const key = keys.find((k) => k.id === keyId);
  if (!key || !ivText || !bodyText) {
    throw sealError(`Sealed with key "${keyId ?? "?"}", which is not in SEALING_KEYS. Add the old key back (after the new one) to read it.`);
  }
  const body = Buffer.from(bodyText, "base64url");
  if (body.length < 16) throw sealError("Sealed value is truncated.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(ivText, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw sealError("Sealed value failed authentication (wrong key or context, or tampered).", { cause });
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** True when the value was sealed with a key other than the active one (rotate it). */
export function needsReseal(keys: SealingKey[], sealed: string): boolean {
  return keys[0] !== undefined && !sealed.startsWith(`${PREFIX}${keys[0].id}:`);
}

export function seal(plaintext: string, context?: string): string {
  return sealWith(requireSealingKeys(), plaintext, context);
}

export function open(sealed: string, context?: string): string {
  return openWith(requireSealingKeys(), sealed, context);
}

export function sealOptional(plaintext: string | null | undefined, context?: string): string | null {
  return plaintext === null || plaintext === undefined ? null : seal(plaintext, context);
}

export function openOptional(sealed: string | null | undefined, context?: string): string | null {
  return sealed === null || sealed === undefined ? null : open(sealed, context);
}
