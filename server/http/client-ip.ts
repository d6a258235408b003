import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/server/env";

/**
 * The client's IP address, from the one header our own proxy sets (TRUSTED_PROXY_HEADER, docs/security.md), never
 * from whatever a client sends. Of a list (X-Forwarded-For) only the last entry counts: the address our proxy
 * appended; everything left of it was written by the client. Null when no header is trusted or it is missing.
 */
export function clientIpFrom(source: Headers, trustedHeader: string | null): string | null {
  if (!trustedHeader) return null;
  const entries = (source.get(trustedHeader) ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const last = entries.at(-1);
  return last && last.length <= 64 ? last : null;
}

/** The current request's client IP (server components, actions, route handlers), or null. */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers(), getEnv().trustedProxyHeader);
}
