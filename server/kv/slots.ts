import "server-only";
import { randomUUID } from "node:crypto";
import { slotTimeout } from "./errors";
import { jitter, monotonicNow, sleep, toPositiveInteger, toTtlMs, toWaitMs } from "./timing";
import type { Kv } from "./types";

/*
 * A request budget for polite calls to a third-party API from many serverless instances.
 *
 * Guarantees, for every instance sharing the store:
 * - Concurrency: at most `maxConcurrent` holders at once. Each slot is its own key (`slot:<key>:<n>`,
 *   SET NX PX leaseMs), so the cap holds as long as holders finish or renew within `leaseMs`; a holder that
 *   overruns its lease loses the slot (release/renew return false) and the cap can then be exceeded once.
 *   A crashed holder frees its slot when the lease expires.
 * - Spacing: two holders start at least `minSpacingMs` apart, measured on the store's clock. A start needs
 *   the slot first and then a turn: the first INCR of `slot:<key>:spacing` in a window of `minSpacingMs`
 *   wins it, later ones wait out that window. Taking the turn after the slot is what makes the gap hold;
 *   the lease is stretched over that wait and restarts when the turn comes, so it counts from the start.
 * - Not fair: waiters poll (each poll costs up to `maxConcurrent` store calls), so under sustained
 *   contention a waiter can lose repeatedly until `waitMs` runs out.
 */

export interface SlotOptions {
  maxConcurrent: number;
  /** A holder's lease; keep it above the longest call it guards, or renew. */
  leaseMs: number;
  /** Minimum time between two starts (default 0: no spacing). */
  minSpacingMs?: number;
  /** Total time to wait for a slot and a spacing turn before failing with a `kv.busy` slot timeout. */
  waitMs: number;
  /** Base delay between polls for a free slot, jittered ±50% (default 50 ms). */
  retryDelayMs?: number;
}

export interface Slot {
  readonly key: string;
  readonly index: number;
  readonly token: string;
  /** Frees the slot if this holder still owns it; false when the lease had already expired. */
  release(): Promise<boolean>;
  /** Resets the lease if this holder still owns it; false means the slot was lost. */
  renew(leaseMs: number): Promise<boolean>;
}

const slotKey = (key: string, index: number) => `slot:${key}:${index}`;
const spacingKey = (key: string) => `slot:${key}:spacing`;

export async function acquireSlot(kv: Kv, key: string, opts: SlotOptions): Promise<Slot> {
  const maxConcurrent = toPositiveInteger(opts.maxConcurrent, "maxConcurrent");
  const leaseMs = toTtlMs(opts.leaseMs, "leaseMs");
  const minSpacingMs = toWaitMs(opts.minSpacingMs, "minSpacingMs");
  const waitMs = toWaitMs(opts.waitMs);
  const retryDelayMs = toWaitMs(opts.retryDelayMs ?? 50, "retryDelayMs");
  const deadline = monotonicNow() + waitMs;
  const token = randomUUID();

  for (;;) {
    let slot = await tryTakeSlot(kv, key, token, maxConcurrent, leaseMs);
    while (slot === null) {
      const remaining = deadline - monotonicNow();
      if (remaining <= 0) throw slotTimeout(key, waitMs, "concurrency");
      await sleep(Math.min(jitter(retryDelayMs), remaining));
      slot = await tryTakeSlot(kv, key, token, maxConcurrent, leaseMs);
    }
    if (minSpacingMs === 0) return slot;
    let turn: "ready" | "lost";
    try {
      turn = await waitForTurn(kv, key, slot, { leaseMs, minSpacingMs, deadline, waitMs });
    } catch (error) {
      // The timeout is what the caller needs to see; an unreleased slot expires with its lease.
      await slot.release().catch(() => false);
      throw error;
    }
    // "lost" means the lease ran out anyway (a stalled process): holding on could exceed maxConcurrent.
    if (turn === "ready") return slot;
  }
}

/** Runs `fn` inside a slot and releases it afterwards, also when `fn` throws. */
export async function withSlot<T>(kv: Kv, key: string, opts: SlotOptions, fn: (slot: Slot) => Promise<T>): Promise<T> {
  const slot = await acquireSlot(kv, key, opts);
  let result: T;
  try {
    result = await fn(slot);
  } catch (error) {
    await slot.release().catch(() => false);
    throw error;
  }
  await slot.release();
  return result;
}

async function tryTakeSlot(kv: Kv, key: string, token: string, maxConcurrent: number, leaseMs: number): Promise<Slot | null> {
  // Start at a random slot so concurrent callers do not all fight over slot 0 first.
  const offset = Math.floor(Math.random() * maxConcurrent);
  for (let i = 0; i < maxConcurrent; i += 1) {
    const index = (offset + i) % maxConcurrent;
    const storeKey = slotKey(key, index);
    if (await kv.set(storeKey, token, { ttlMs: leaseMs, onlyIfAbsent: true })) {
      return {
        key,
        index,
        token,
        release: () => kv.delIfEquals(storeKey, token),
        renew: (nextLeaseMs) => kv.expireIfEquals(storeKey, token, nextLeaseMs),
      };
    }
  }
  return null;
}

async function waitForTurn(
  kv: Kv,
  key: string,
  slot: Slot,
  opts: { leaseMs: number; minSpacingMs: number; deadline: number; waitMs: number },
): Promise<"ready" | "lost"> {
  for (let waited = false; ; waited = true) {
    const { value, ttlMs } = await kv.incr(spacingKey(key), toTtlMs(opts.minSpacingMs, "minSpacingMs"));
    // After a wait, restart the lease so it counts from the real start.
    if (value === 1) return !waited || (await slot.renew(opts.leaseMs)) ? "ready" : "lost";
    // Wake just after the window closes; the small spread keeps waiters from colliding in lockstep.
    const delay = ttlMs + 1 + Math.random() * 5;
    if (monotonicNow() + delay > opts.deadline) throw slotTimeout(key, opts.waitMs, "spacing");
    // Stretch the lease over the wait, so waiting for a turn can never cost the slot.
    if (!(await slot.renew(Math.ceil(delay) + opts.leaseMs))) return "lost";
    await sleep(delay);
  }
}
