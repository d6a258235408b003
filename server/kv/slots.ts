import "server-only";
import { randomUUID } from "node:crypto";
import { slotTimeout } from "./errors";
import { runHolding } from "./lease";
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
 * - Spacing: two holders' turns to start are at least `minSpacingMs` apart on the store's clock. Taking a slot also
 *   reserves the next start on `slot:<key>:spacing` (its TTL is the time until the turn after ours), so the holder
 *   knows its turn at once and sleeps until it; the slot's lease counts from that turn. Turns are spaced as
 *   scheduled: a holder whose timer fires late starts that much later, closer to the next one, but on average
 *   starts keep to one per `minSpacingMs`.
 * - One store operation per attempt (Kv.takeSlot, a Lua script on Redis) and one to release: two round trips
 *   per uncontended call. When the caller says another caller in this process is queued for the budget
 *   (`handOver`), withSlot hands the slot itself to the next withSlot call from this process for the same key: that
 *   call runs in it with no store operation at all, so while the budget is busy a slot costs two round trips per
 *   `leaseMs / 4` instead of one per call. A handed-over slot is passed on only within a quarter of its lease from
 *   its take (the rest of the lease is left to the last call that runs in it), and its calls start at least
 *   `maxConcurrent × minSpacingMs` apart, so the slots together still start at most one call per `minSpacingMs` on
 *   average (the spacing of single starts is then not kept: four slots may start within the same millisecond). A slot
 *   no call picks up within the turn of the event loop is released, and that release rides along with the next take
 *   from this process (or goes out on its own a turn later).
 * - Bounded: nothing is waited for beyond `waitMs` (a slot timeout, `kv.busy`); callers with a deadline pass
 *   the time they have left.
 * - Not fair: waiters poll, so under sustained contention a waiter can lose repeatedly until `waitMs` runs out.
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
  /**
   * withSlot only: true when another caller in this process is about to take a slot from the same store (a local
   * queue in front of the budget), so the release can ride along with that take.
   */
  handOver?: () => boolean;
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

type Release = { key: string; token: string };
/** Releases handed over to the next take, per store. */
const handedOver = new WeakMap<Kv, Release[]>();

function handOverRelease(kv: Kv, release: Release): void {
  const pending = handedOver.get(kv) ?? [];
  handedOver.set(kv, pending);
  pending.push(release);
  setImmediate(() => void flushReleases(kv));
}

function takeReleases(kv: Kv): Release[] {
  const pending = handedOver.get(kv);
  if (!pending?.length) return [];
  handedOver.delete(kv);
  return pending;
}

/** Sends the releases no take picked up; one that fails leaves its slot to expire with its lease. */
async function flushReleases(kv: Kv): Promise<void> {
  for (const r of takeReleases(kv)) await kv.delIfEquals(r.key, r.token).catch(() => false);
}

export async function acquireSlot(kv: Kv, key: string, opts: SlotOptions): Promise<Slot> {
  const maxConcurrent = toPositiveInteger(opts.maxConcurrent, "maxConcurrent");
  const leaseMs = toTtlMs(opts.leaseMs, "leaseMs");
  const minSpacingMs = toWaitMs(opts.minSpacingMs, "minSpacingMs");
  const waitMs = toWaitMs(opts.waitMs);
  const retryDelayMs = toWaitMs(opts.retryDelayMs ?? 50, "retryDelayMs");
  const deadline = monotonicNow() + waitMs;
  const token = randomUUID();
  for (;;) {
    // Start at a random slot so concurrent callers do not all fight over slot 0 first.
    const offset = Math.floor(Math.random() * maxConcurrent);
    const indexes = Array.from({ length: maxConcurrent }, (_, i) => (offset + i) % maxConcurrent);
    const left = Math.max(0, deadline - monotonicNow());
    const release = takeReleases(kv);
    const taken = await kv
      .takeSlot(indexes.map((i) => slotKey(key, i)), spacingKey(key), token, { leaseMs, minSpacingMs, maxWaitMs: left, release })
      .catch((error: unknown) => {
        for (const r of release) handOverRelease(kv, r);
        throw error;
      });
    if (taken.taken) {
      const storeKey = slotKey(key, indexes[taken.index] ?? 0);
      if (taken.waitMs > 0) await sleep(taken.waitMs);
      return {
        key,
        index: indexes[taken.index] ?? 0,
        token,
        release: () => kv.delIfEquals(storeKey, token),
        renew: (nextLeaseMs) => kv.expireIfEquals(storeKey, token, nextLeaseMs),
      };
    }
    if (taken.reason === "spacing") throw slotTimeout(key, waitMs, "spacing");
    const remaining = deadline - monotonicNow();
    if (remaining <= 0) throw slotTimeout(key, waitMs, "concurrency");
    await sleep(Math.min(jitter(retryDelayMs), remaining));
  }
}

/** A slot withSlot handed over to the next call in this process, with when it may still be used. */
interface HandedSlot {
  slot: Slot;
  /** monotonic ms after which it is not passed on any more (a quarter of its lease after the take) */
  passUntil: number;
  /** monotonic ms of the last call's start in it */
  lastStart: number;
}
/** Slots handed over, per store and budget key. */
const handedSlots = new WeakMap<Kv, Map<string, HandedSlot[]>>();

function handOverSlot(kv: Kv, handed: HandedSlot): void {
  let byKey = handedSlots.get(kv);
  if (!byKey) handedSlots.set(kv, (byKey = new Map()));
  const list = byKey.get(handed.slot.key) ?? [];
  byKey.set(handed.slot.key, list);
  list.push(handed);
  // Not picked up within this turn of the event loop: the slot is released (with the next take, or alone).
  setImmediate(() => {
    const at = list.indexOf(handed);
    if (at < 0) return;
    list.splice(at, 1);
    if (!list.length && byKey.get(handed.slot.key) === list) byKey.delete(handed.slot.key);
    handOverRelease(kv, { key: slotKey(handed.slot.key, handed.slot.index), token: handed.slot.token });
  });
}

function takeHandedSlot(kv: Kv, key: string): HandedSlot | null {
  const list = handedSlots.get(kv)?.get(key);
  return list?.shift() ?? null;
}

/** Runs `fn` inside a slot and releases it afterwards (or hands it to the next caller), also when `fn` throws. */
export async function withSlot<T>(kv: Kv, key: string, opts: SlotOptions, fn: (slot: Slot) => Promise<T>): Promise<T> {
  const handed = takeHandedSlot(kv, key);
  let entry: HandedSlot;
  if (handed) {
    // Its calls keep the slots' combined rate: one start per maxConcurrent × minSpacingMs per slot.
    const turn = handed.lastStart + toPositiveInteger(opts.maxConcurrent, "maxConcurrent") * toWaitMs(opts.minSpacingMs, "minSpacingMs");
    // A timer may fire up to a few ms early on this clock (Node starts it from the event loop's cached time): wait again.
    for (let gap = turn - monotonicNow(); gap > 0; gap = turn - monotonicNow()) await sleep(gap);
    entry = { ...handed, lastStart: monotonicNow() };
  } else {
    const slot = await acquireSlot(kv, key, opts);
    const now = monotonicNow();
    entry = { slot, passUntil: now + toTtlMs(opts.leaseMs, "leaseMs") / 4, lastStart: now };
  }
  const giveBack = (slot: Slot) => {
    if (!opts.handOver?.()) return slot.release();
    if (monotonicNow() < entry.passUntil) return handOverSlot(kv, entry);
    return handOverRelease(kv, { key: slotKey(key, slot.index), token: slot.token });
  };
  return runHolding(entry.slot, fn, giveBack);
}
