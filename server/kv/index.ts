import "server-only";
import { kvConfig } from "@/server/env";
import { kvError } from "./errors";
import { createMemoryKv } from "./memory";
import type { Kv } from "./types";
import { createUpstashKv } from "./upstash";

export type { Kv, KvIncrResult, KvSetOptions } from "./types";
export { kvFailureKind, type KvErrorCode } from "./errors";
export { acquireLock, withLock, type Lock, type LockOptions } from "./lock";
export { rateLimit, type RateLimitOptions, type RateLimitResult } from "./rate-limit";
export { acquireSlot, withSlot, type Slot, type SlotOptions } from "./slots";

export const DEFAULT_KV_PREFIX = "autocoach:";

export interface KvConfig {
  url?: string;
  token?: string;
  /** Key namespace in a shared Redis (default "autocoach:"). */
  prefix?: string;
}

/**
 * Upstash (REST) when both a URL and a token are given, otherwise an in-process store.
 * Half a configuration is an error: silently falling back would make locks local to one instance.
 */
export function createKv(config: KvConfig | undefined): Kv {
  const url = config?.url?.trim() || undefined;
  const token = config?.token?.trim() || undefined;
  if (url && token) return createUpstashKv({ url, token, prefix: config?.prefix ?? DEFAULT_KV_PREFIX });
  if (url || token) {
    throw kvError(
      "misconfigured",
      `Upstash KV needs both a REST URL and a token, but only the ${url ? "URL" : "token"} is set ` +
        "(KV_REST_API_URL + KV_REST_API_TOKEN, or UPSTASH_REDIS_REST_URL + UPSTASH_REDIS_REST_TOKEN).",
    );
  }
  return createMemoryKv();
}

let shared: Kv | undefined;

/** The app's store, configured from lib/env and created once per process. */
export function getKv(): Kv {
  shared ??= createKv(kvConfig() ?? undefined);
  return shared;
}
