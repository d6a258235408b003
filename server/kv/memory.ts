import "server-only";
import { kvError } from "./errors";
import { monotonicNow, toTtlMs } from "./timing";
import type { Kv, KvIncrResult, KvSetOptions, TakeSlotResult } from "./types";

interface Entry {
  value: string;
  /** On the store's clock; null means no expiry. */
  expiresAt: number | null;
}

export interface MemoryKvOptions {
  /** Milliseconds on a monotonic clock; defaults to performance.now(). */
  now?: () => number;
}

// Expired entries are dropped when read, and swept after this many writes, so the store needs no timer
// (nothing keeps the process alive) and keys that are never read again cannot pile up.
const SWEEP_EVERY_WRITES = 500;

/**
 * The store used when no Upstash database is configured: correct within one process (development, tests,
 * a single server), not across serverless instances.
 */
export function createMemoryKv(options: MemoryKvOptions = {}): Kv {
  const clock = options.now ?? monotonicNow;
  // Whole milliseconds, as Redis keeps them: exact arithmetic, so a fresh window reports exactly its TTL.
  const now = () => Math.floor(clock());
  const entries = new Map<string, Entry>();
  let writesSinceSweep = 0;

  function isExpired(entry: Entry, at: number): boolean {
    return entry.expiresAt !== null && entry.expiresAt <= at;
  }

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (isExpired(entry, now())) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function write(key: string, entry: Entry): void {
    entries.set(key, entry);
    writesSinceSweep += 1;
    if (writesSinceSweep >= SWEEP_EVERY_WRITES) {
      writesSinceSweep = 0;
      const at = now();
      for (const [k, e] of entries) if (isExpired(e, at)) entries.delete(k);
    }
  }

  return {
    mode: "memory",

    async get(key) {
      return live(key)?.value ?? null;
    },

    async set(key, value, opts: KvSetOptions = {}) {
      const ttlMs = opts.ttlMs === undefined ? undefined : toTtlMs(opts.ttlMs);
      if (opts.onlyIfAbsent && live(key) !== undefined) return false;
      write(key, { value, expiresAt: ttlMs === undefined ? null : now() + ttlMs });
      return true;
    },

    async del(key) {
      entries.delete(key);
    },

    async delIfEquals(key, value) {
      if (live(key)?.value !== value) return false;
      entries.delete(key);
      return true;
    },

    async expireIfEquals(key, value, ttlMs) {
      const ttl = toTtlMs(ttlMs);
      const entry = live(key);
      if (entry?.value !== value) return false;
      entry.expiresAt = now() + ttl;
      return true;
    },

    async incr(key, ttlMs): Promise<KvIncrResult> {
      const ttl = toTtlMs(ttlMs);
      const at = now();
      const entry = live(key);
      let value = 1;
      if (entry !== undefined) {
        const current = /^-?\d+$/.test(entry.value) ? Number(entry.value) : Number.NaN;
        if (!Number.isSafeInteger(current) || !Number.isSafeInteger(current + 1)) {
          throw kvError("command_failed", `Memory KV incr on "${key}" failed: value is not an integer or out of range`);
        }
        value = current + 1;
      }
      const expiresAt = entry?.expiresAt ?? at + ttl;
      write(key, { value: String(value), expiresAt });
      return { value, ttlMs: Math.max(0, expiresAt - at) };
    },

    async takeSlot(slotKeys, spacingKey, token, opts): Promise<TakeSlotResult> {
      const leaseMs = toTtlMs(opts.leaseMs, "leaseMs");
      for (const r of opts.release ?? []) if (live(r.key)?.value === r.token) entries.delete(r.key);
      const at = now();
      const turn = opts.minSpacingMs > 0 ? live(spacingKey) : undefined;
      const waitMs = turn?.expiresAt ? Math.max(0, turn.expiresAt - at) : 0;
      if (waitMs > opts.maxWaitMs) return { taken: false, reason: "spacing", waitMs };
      const index = slotKeys.findIndex((key) => live(key) === undefined);
      if (index < 0) return { taken: false, reason: "concurrency", waitMs: 0 };
      write(slotKeys[index] ?? "", { value: token, expiresAt: at + leaseMs + waitMs });
      if (opts.minSpacingMs > 0) write(spacingKey, { value: "1", expiresAt: at + waitMs + Math.ceil(opts.minSpacingMs) });
      return { taken: true, index, waitMs };
    },
  };
}
