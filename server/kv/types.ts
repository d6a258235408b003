import "server-only";

export interface KvSetOptions {
  /** Expire the key after this many milliseconds (rounded up to a whole millisecond). */
  ttlMs?: number;
  /** Only write when the key does not exist (SET NX). */
  onlyIfAbsent?: boolean;
}

export interface KvIncrResult {
  value: number;
  /** Milliseconds until the counter expires, as seen by the store. */
  ttlMs: number;
}

/**
 * The small key-value surface that locks, rate limits and request budgets are built on. Values are opaque
 * strings; every operation that must be atomic across instances is a single store operation.
 */
export interface Kv {
  readonly mode: "upstash" | "memory";
  get(key: string): Promise<string | null>;
  /** Returns false only when `onlyIfAbsent` is set and the key already exists. */
  set(key: string, value: string, opts?: KvSetOptions): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Atomically delete the key only while it still holds `value` (safe lock release). */
  delIfEquals(key: string, value: string): Promise<boolean>;
  /** Atomically reset the key's TTL only while it still holds `value` (lease renewal). */
  expireIfEquals(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Increment a counter. A counter without a TTL (a new one) gets `ttlMs`; an existing window keeps its
   * expiry, which is what makes this a fixed-window counter.
   */
  incr(key: string, ttlMs: number): Promise<KvIncrResult>;
}
