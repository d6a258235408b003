import "server-only";
import { randomUUID } from "node:crypto";
import { lockTimeout } from "./errors";
import { runHolding } from "./lease";
import { jitter, monotonicNow, sleep, toTtlMs, toWaitMs } from "./timing";
import type { Kv } from "./types";

export interface LockOptions {
  /** The lease: the lock frees itself after this long unless renewed, so a crashed holder cannot block forever. */
  ttlMs: number;
  /** How long to keep retrying when the lock is held (default 0: one attempt). */
  waitMs?: number;
  /** Base delay between attempts, jittered ±50% (default 50 ms). */
  retryDelayMs?: number;
}

export interface Lock {
  readonly key: string;
  readonly token: string;
  /** Frees the lock if this holder still owns it; false when it had already expired or been taken over. */
  release(): Promise<boolean>;
  /** Resets the lease to `ttlMs` if this holder still owns it; false means the lock was lost. */
  renew(ttlMs: number): Promise<boolean>;
}

const lockKey = (key: string) => `lock:${key}`;

/**
 * Mutual exclusion across every instance sharing the store, for as long as the holder finishes (or renews)
 * within its lease. Resolves null when the lock stays held for `waitMs`.
 */
export async function acquireLock(kv: Kv, key: string, opts: LockOptions): Promise<Lock | null> {
  const ttlMs = toTtlMs(opts.ttlMs);
  const waitMs = toWaitMs(opts.waitMs);
  const retryDelayMs = toWaitMs(opts.retryDelayMs ?? 50, "retryDelayMs");
  const storeKey = lockKey(key);
  const token = randomUUID();
  const deadline = monotonicNow() + waitMs;
  for (;;) {
    if (await kv.set(storeKey, token, { ttlMs, onlyIfAbsent: true })) {
      return {
        key,
        token,
        release: () => kv.delIfEquals(storeKey, token),
        renew: (nextTtlMs) => kv.expireIfEquals(storeKey, token, nextTtlMs),
      };
    }
    const remaining = deadline - monotonicNow();
    if (remaining <= 0) return null;
    await sleep(Math.min(jitter(retryDelayMs), remaining));
  }
}

/**
 * Runs `fn` while holding the lock and releases it afterwards, also when `fn` throws.
 * Fails with a `kv.busy` lock timeout when the lock cannot be taken within `waitMs`.
 */
export async function withLock<T>(kv: Kv, key: string, opts: LockOptions, fn: (lock: Lock) => Promise<T>): Promise<T> {
  const lock = await acquireLock(kv, key, opts);
  if (lock === null) throw lockTimeout(key, opts.waitMs ?? 0);
  return runHolding(lock, fn);
}
