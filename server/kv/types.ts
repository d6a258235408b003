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

export interface TakeSlotOptions {
  /** The lease of a taken slot, counted from its spacing turn. */
  leaseMs: number;
  /** Minimum time between two starts; 0 for none. */
  minSpacingMs: number;
  /** Take nothing when the spacing turn is further away than this. */
  maxWaitMs: number;
  /**
   * Slots to free first, each only while it still holds its token (as delIfEquals), in the same store operation:
   * a release handed over to the next take (slots.ts) costs no round trip of its own.
   */
  release?: readonly { key: string; token: string }[];
}

/** A slot taken (its position in `slotKeys`, and how long to wait for its spacing turn), or why none was. */
export type TakeSlotResult = { taken: true; index: number; waitMs: number } | { taken: false; reason: "concurrency" | "spacing"; waitMs: number };

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
  /**
   * In one store operation: the slots in `opts.release` are freed (only while they hold their tokens), then the
   * first free key of `slotKeys` is set to `token` (NX, lease + wait) and, with spacing, the next start is reserved on
   * `spacingKey` (its TTL is the time until the turn after ours). Nothing is taken when no key is free or the turn is
   * more than `maxWaitMs` away (the releases still happen).
   */
  takeSlot(slotKeys: readonly string[], spacingKey: string, token: string, opts: TakeSlotOptions): Promise<TakeSlotResult>;
}
