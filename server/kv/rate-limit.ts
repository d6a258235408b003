import "server-only";
import { toPositiveInteger, toTtlMs } from "./timing";
import type { Kv } from "./types";

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  ok: boolean;
  remaining: number;
  /** 0 when allowed; otherwise how long until the current window ends. */
  retryAfterMs: number;
}

/**
 * Fixed window: the window starts at the first hit and lasts `windowMs` on the store's clock, so
 * instances with skewed clocks still agree. At most `limit` calls succeed per window.
 */
export async function rateLimit(kv: Kv, key: string, opts: RateLimitOptions): Promise<RateLimitResult> {
  const limit = toPositiveInteger(opts.limit, "limit");
  const { value, ttlMs } = await kv.incr(`ratelimit:${key}`, toTtlMs(opts.windowMs, "windowMs"));
  if (value <= limit) return { ok: true, remaining: limit - value, retryAfterMs: 0 };
  return { ok: false, remaining: 0, retryAfterMs: Math.max(1, ttlMs) };
}
