import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { acquireLock, acquireSlot, kvFailureKind, rateLimit, withLock, withSlot, type Kv } from "@/server/kv";

/**
 * The behaviour every Kv implementation must show, run against the in-process store (lib/kv.test.ts) and
 * against Upstash through the REST bridge and a real Redis (lib/kv.int.test.ts). It runs on real time
 * with short TTLs, because the Redis side has no clock to fake; margins are several times the TTLs.
 */
export interface KvContractTarget {
  name: string;
  /** Called inside each test; every test uses its own random keys, so stores may be shared. */
  createKv: () => Kv;
  /** Extra tolerance for timing measurements taken on this side of a network round trip. */
  slackMs: number;
}

const TTL = 150;
const PAST_TTL = 450;

/** The store with every operation it is asked for recorded by name. */
function countingCalls(inner: Kv): { kv: Kv; calls: string[] } {
  const calls: string[] = [];
  const kv = new Proxy(inner, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return Reflect.apply(value, obj, args);
      };
    },
  });
  return { kv, calls };
}

export function describeKvContract(target: KvContractTarget): void {
  const key = (name: string) => `${name}:${randomUUID()}`;

  describe(`Kv contract: ${target.name}`, () => {
    describe("get / set / del", () => {
      it("round-trips values and reports missing keys as null", async () => {
        const kv = target.createKv();
        const k = key("kv");
        expect(await kv.get(k)).toBeNull();
        expect(await kv.set(k, "one")).toBe(true);
        expect(await kv.get(k)).toBe("one");
        expect(await kv.set(k, "two")).toBe(true);
        expect(await kv.get(k)).toBe("two");
        await kv.del(k);
        expect(await kv.get(k)).toBeNull();
        await kv.del(k);
      });

      it("keeps values as opaque strings", async () => {
        const kv = target.createKv();
        for (const value of ["123", "OK", "", "null", '{"a":1}', "héllo ✓ 🚴 \"quoted\"\nline", "true"]) {
          const k = key("opaque");
          await kv.set(k, value);
          expect(await kv.get(k)).toBe(value);
        }
      });

      it("expires a key after its TTL", async () => {
        const kv = target.createKv();
        const k = key("ttl");
        await kv.set(k, "v", { ttlMs: TTL });
        expect(await kv.get(k)).toBe("v");
        await sleep(PAST_TTL);
        expect(await kv.get(k)).toBeNull();
      });

      it("onlyIfAbsent writes once, and again after expiry", async () => {
        const kv = target.createKv();
        const k = key("nx");
        expect(await kv.set(k, "first", { onlyIfAbsent: true, ttlMs: TTL })).toBe(true);
        expect(await kv.set(k, "second", { onlyIfAbsent: true, ttlMs: TTL })).toBe(false);
        expect(await kv.get(k)).toBe("first");
        await sleep(PAST_TTL);
        expect(await kv.set(k, "third", { onlyIfAbsent: true })).toBe(true);
        expect(await kv.get(k)).toBe("third");
      });

      it("a plain set clears a previous TTL", async () => {
        const kv = target.createKv();
        const k = key("persist");
        await kv.set(k, "short", { ttlMs: TTL });
        await kv.set(k, "forever");
        await sleep(PAST_TTL);
        expect(await kv.get(k)).toBe("forever");
      });
    });

    describe("compare-and-act", () => {
      it("delIfEquals deletes only a matching value", async () => {
        const kv = target.createKv();
        const k = key("cad");
        await kv.set(k, "mine");
        expect(await kv.delIfEquals(k, "theirs")).toBe(false);
        expect(await kv.get(k)).toBe("mine");
        expect(await kv.delIfEquals(k, "mine")).toBe(true);
        expect(await kv.get(k)).toBeNull();
        expect(await kv.delIfEquals(k, "mine")).toBe(false);
      });

      it("expireIfEquals extends only a matching value", async () => {
        const kv = target.createKv();
        const k = key("cae");
        await kv.set(k, "mine", { ttlMs: TTL });
        expect(await kv.expireIfEquals(k, "theirs", 5_000)).toBe(false);
        expect(await kv.expireIfEquals(k, "mine", 5_000)).toBe(true);
        await sleep(PAST_TTL);
        expect(await kv.get(k)).toBe("mine");
        expect(await kv.expireIfEquals(k, "mine", TTL)).toBe(true);
        await sleep(PAST_TTL);
        expect(await kv.get(k)).toBeNull();
        expect(await kv.expireIfEquals(k, "mine", 5_000)).toBe(false);
      });
    });

    describe("incr", () => {
      it("counts within a window and starts over after it", async () => {
        const kv = target.createKv();
        const k = key("incr");
        const first = await kv.incr(k, 300);
        expect(first.value).toBe(1);
        expect(first.ttlMs).toBeGreaterThan(0);
        expect(first.ttlMs).toBeLessThanOrEqual(300);
        const second = await kv.incr(k, 300);
        expect(second.value).toBe(2);
        expect(second.ttlMs).toBeLessThanOrEqual(first.ttlMs);
        expect((await kv.incr(k, 300)).value).toBe(3);
        expect(await kv.get(k)).toBe("3");
        await sleep(300 + PAST_TTL);
        expect((await kv.incr(k, 300)).value).toBe(1);
      });

      it("gives a counter without a TTL one, so it cannot block forever", async () => {
        const kv = target.createKv();
        const k = key("heal");
        await kv.set(k, "41");
        const result = await kv.incr(k, TTL);
        expect(result.value).toBe(42);
        expect(result.ttlMs).toBeGreaterThan(0);
        expect(result.ttlMs).toBeLessThanOrEqual(TTL);
        await sleep(PAST_TTL);
        expect(await kv.get(k)).toBeNull();
      });

      it("counts every one of many concurrent increments exactly once", async () => {
        const kv = target.createKv();
        const k = key("incr-race");
        const results = await Promise.all(Array.from({ length: 25 }, () => kv.incr(k, 10_000)));
        expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      });
    });

    describe("locks", () => {
      it("is exclusive between concurrent acquirers", async () => {
        const kv = target.createKv();
        const k = key("lock");
        const locks = await Promise.all(Array.from({ length: 10 }, () => acquireLock(kv, k, { ttlMs: 5_000 })));
        expect(locks.filter((lock) => lock !== null)).toHaveLength(1);
      });

      it("lets a waiter in once the holder releases", async () => {
        const kv = target.createKv();
        const k = key("lock-wait");
        const first = await acquireLock(kv, k, { ttlMs: 5_000 });
        expect(first).not.toBeNull();
        expect(await acquireLock(kv, k, { ttlMs: 5_000 })).toBeNull();

        const waiting = acquireLock(kv, k, { ttlMs: 5_000, waitMs: 5_000, retryDelayMs: 20 }).then((lock) => ({
          lock,
          at: performance.now(),
        }));
        await sleep(150);
        const releasedAt = performance.now();
        expect(await first?.release()).toBe(true);
        const second = await waiting;
        expect(second.lock).not.toBeNull();
        expect(second.at).toBeGreaterThanOrEqual(releasedAt);
        expect(second.lock?.token).not.toBe(first?.token);
        await second.lock?.release();
      });

      it("frees itself when the lease expires, and the old holder cannot release the new one", async () => {
        const kv = target.createKv();
        const k = key("lock-expiry");
        const stale = await acquireLock(kv, k, { ttlMs: TTL });
        expect(stale).not.toBeNull();
        await sleep(PAST_TTL);
        const fresh = await acquireLock(kv, k, { ttlMs: 5_000 });
        expect(fresh).not.toBeNull();
        expect(await stale?.release()).toBe(false);
        expect(await stale?.renew(5_000)).toBe(false);
        expect(await acquireLock(kv, k, { ttlMs: 5_000 })).toBeNull();
        expect(await fresh?.release()).toBe(true);
      });

      it("renew keeps the lock past its first lease", async () => {
        const kv = target.createKv();
        const k = key("lock-renew");
        const lock = await acquireLock(kv, k, { ttlMs: TTL });
        expect(await lock?.renew(5_000)).toBe(true);
        await sleep(PAST_TTL);
        expect(await acquireLock(kv, k, { ttlMs: 5_000 })).toBeNull();
        expect(await lock?.release()).toBe(true);
      });

      it("withLock returns the result and releases", async () => {
        const kv = target.createKv();
        const k = key("with-lock");
        expect(await withLock(kv, k, { ttlMs: 5_000 }, async () => 42)).toBe(42);
        expect(await acquireLock(kv, k, { ttlMs: 5_000 })).not.toBeNull();
      });

      it("withLock releases when fn throws, and rethrows fn's error", async () => {
        const kv = target.createKv();
        const k = key("with-lock-throw");
        await expect(
          withLock(kv, k, { ttlMs: 5_000 }, async () => {
            throw new Error("boom");
          }),
        ).rejects.toThrow("boom");
        expect(await acquireLock(kv, k, { ttlMs: 5_000 })).not.toBeNull();
      });

      it("withLock fails with a lock timeout when the lock stays held", async () => {
        const kv = target.createKv();
        const k = key("with-lock-timeout");
        await acquireLock(kv, k, { ttlMs: 5_000 });
        const attempt = withLock(kv, k, { ttlMs: 5_000, waitMs: 100, retryDelayMs: 20 }, async () => "never");
        expect(kvFailureKind(await attempt.catch((e: unknown) => e))).toBe("lock_timeout");
        await expect(attempt).rejects.toMatchObject({ code: "kv.busy", detail: { kind: "lock_timeout", key: k, waitMs: 100 } });
      });

      it("withLock serialises concurrent critical sections", async () => {
        const kv = target.createKv();
        const k = key("with-lock-serial");
        let inFlight = 0;
        let maxInFlight = 0;
        const order: number[] = [];
        await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            withLock(kv, k, { ttlMs: 5_000, waitMs: 10_000, retryDelayMs: 10 }, async () => {
              inFlight += 1;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await sleep(15);
              order.push(i);
              inFlight -= 1;
            }),
          ),
        );
        expect(maxInFlight).toBe(1);
        expect(order).toHaveLength(6);
      });
    });

    describe("rateLimit", () => {
      it("allows `limit` calls per window, then blocks with retryAfterMs until the window ends", async () => {
        const kv = target.createKv();
        const k = key("rl");
        const opts = { limit: 3, windowMs: 400 };
        const allowed = [await rateLimit(kv, k, opts), await rateLimit(kv, k, opts), await rateLimit(kv, k, opts)];
        expect(allowed.map((r) => [r.ok, r.remaining, r.retryAfterMs])).toEqual([
          [true, 2, 0],
          [true, 1, 0],
          [true, 0, 0],
        ]);
        const blocked = await rateLimit(kv, k, opts);
        expect(blocked.ok).toBe(false);
        expect(blocked.remaining).toBe(0);
        expect(blocked.retryAfterMs).toBeGreaterThan(0);
        expect(blocked.retryAfterMs).toBeLessThanOrEqual(400);
        await sleep(blocked.retryAfterMs + 50);
        expect(await rateLimit(kv, k, opts)).toEqual({ ok: true, remaining: 2, retryAfterMs: 0 });
      });
    });

    describe("acquireSlot", () => {
      it("caps concurrency: at most 4 of 20 concurrent tasks run at once", async () => {
        const kv = target.createKv();
        const k = key("slots");
        let inFlight = 0;
        let maxInFlight = 0;
        let done = 0;
        await Promise.all(
          Array.from({ length: 20 }, () =>
            withSlot(kv, k, { maxConcurrent: 4, leaseMs: 10_000, waitMs: 20_000, retryDelayMs: 10 }, async () => {
              inFlight += 1;
              maxInFlight = Math.max(maxInFlight, inFlight);
              await sleep(25);
              inFlight -= 1;
              done += 1;
            }),
          ),
        );
        expect(done).toBe(20);
        expect(maxInFlight).toBe(4);
        const all = await Promise.all(
          Array.from({ length: 4 }, () => acquireSlot(kv, k, { maxConcurrent: 4, leaseMs: 10_000, waitMs: 0 })),
        );
        expect(new Set(all.map((slot) => slot.index)).size).toBe(4);
        await Promise.all(all.map((slot) => slot.release()));
      });

      it("spaces starts at least minSpacingMs apart", async () => {
        const kv = target.createKv();
        const k = key("spacing");
        const spacing = 80;
        const starts: number[] = [];
        const begin = performance.now();
        await Promise.all(
          Array.from({ length: 5 }, () =>
            withSlot(kv, k, { maxConcurrent: 10, leaseMs: 10_000, minSpacingMs: spacing, waitMs: 10_000 }, async () => {
              starts.push(performance.now());
            }),
          ),
        );
        starts.sort((a, b) => a - b);
        const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? start));
        expect(gaps).toHaveLength(4);
        // Turns are scheduled minSpacingMs apart on the store's clock; a holder whose timer fires late starts that
        // much later, so one gap may shrink by the lateness, never the rate: the mean gap and the span hold.
        expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeGreaterThanOrEqual(spacing - target.slackMs);
        expect((starts.at(-1) ?? begin) - begin).toBeGreaterThanOrEqual(4 * spacing - target.slackMs);
      });

      it("fails with a slot timeout when no slot frees up in time", async () => {
        const kv = target.createKv();
        const k = key("slot-timeout");
        const held = await acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: 10_000, waitMs: 0 });
        const attempt = acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: 10_000, waitMs: 100, retryDelayMs: 20 });
        expect(kvFailureKind(await attempt.catch((e: unknown) => e))).toBe("slot_timeout");
        await expect(attempt).rejects.toMatchObject({ code: "kv.busy", detail: { kind: "slot_timeout", reason: "concurrency" } });
        expect(await held.release()).toBe(true);
        await (await acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: 10_000, waitMs: 0 })).release();
      });

      it("gives up early when the spacing turn is beyond the wait budget, and frees its slot", async () => {
        const kv = target.createKv();
        const k = key("spacing-timeout");
        const opts = { maxConcurrent: 2, leaseMs: 10_000, minSpacingMs: 5_000, waitMs: 200 };
        const first = await acquireSlot(kv, k, opts);
        await expect(acquireSlot(kv, k, opts)).rejects.toMatchObject({ code: "kv.busy", detail: { kind: "slot_timeout", reason: "spacing" } });
        // The failed attempt released its slot: one slot is still free for a caller without spacing.
        const other = await acquireSlot(kv, k, { maxConcurrent: 2, leaseMs: 10_000, waitMs: 0 });
        await Promise.all([first.release(), other.release()]);
      });

      it("starts the lease when the spacing turn comes, not when the slot was first taken", async () => {
        const kv = target.createKv();
        const k = key("slot-lease-after-turn");
        const opts = { maxConcurrent: 1, leaseMs: 100, minSpacingMs: 300, waitMs: 5_000 };
        await (await acquireSlot(kv, k, opts)).release();
        const late = await acquireSlot(kv, k, opts);
        await expect(acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: 100, waitMs: 0 })).rejects.toMatchObject({
          detail: { kind: "slot_timeout", reason: "concurrency" },
        });
        expect(await late.release()).toBe(true);
      });

      it("costs one store operation to take a slot with its spacing turn and one to release it", async () => {
        const { kv, calls } = countingCalls(target.createKv());
        const k = key("slot-cost");
        const opts = { maxConcurrent: 4, leaseMs: 10_000, minSpacingMs: 5, waitMs: 1_000 };
        await (await acquireSlot(kv, k, opts)).release();
        await (await acquireSlot(kv, k, opts)).release();
        expect(calls).toEqual(["takeSlot", "delIfEquals", "takeSlot", "delIfEquals"]);
      });

      it("hands the slot itself to the next call while callers queue: no store operation for it", async () => {
        const { kv, calls } = countingCalls(target.createKv());
        const k = key("slot-handover");
        // One slot only: the second and third calls run in the slot the first one took, without asking the store.
        const opts = { maxConcurrent: 1, leaseMs: 10_000, waitMs: 0 };
        expect(await withSlot(kv, k, { ...opts, handOver: () => true }, async () => "first")).toBe("first");
        expect(await withSlot(kv, k, { ...opts, handOver: () => true }, async () => "second")).toBe("second");
        expect(await withSlot(kv, k, { ...opts, handOver: () => false }, async () => "third")).toBe("third");
        expect(calls).toEqual(["takeSlot", "delIfEquals"]);
        await (await acquireSlot(kv, k, opts)).release();
      });

      it("passes a slot on only within a quarter of its lease: then its release rides along with the next take", async () => {
        const { kv, calls } = countingCalls(target.createKv());
        const k = key("slot-handover-lease");
        const opts = { maxConcurrent: 1, leaseMs: 200, waitMs: 1_000 };
        await withSlot(kv, k, { ...opts, handOver: () => true }, () => sleep(80));
        await withSlot(kv, k, { ...opts, handOver: () => false }, async () => undefined);
        expect(calls).toEqual(["takeSlot", "takeSlot", "delIfEquals"]);
        expect(await kv.get(`slot:${k}:0`)).toBeNull();
      });

      it("starts the calls of a handed-over slot maxConcurrent × minSpacingMs apart", async () => {
        const kv = target.createKv();
        const k = key("slot-handover-spacing");
        const opts = { maxConcurrent: 2, leaseMs: 10_000, minSpacingMs: 40, waitMs: 1_000, handOver: () => true };
        const starts: number[] = [];
        for (let i = 0; i < 4; i++) await withSlot(kv, k, opts, async () => void starts.push(performance.now()));
        const gaps = starts.slice(1).map((start, i) => start - (starts[i] ?? start));
        // One slot reused: each start waits for 2 × 40 ms after the one before (timers fire at or after their time).
        for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(79);
        await sleep(target.slackMs + 50);
        expect(await kv.get(`slot:${k}:0`)).toBeNull();
        expect(await kv.get(`slot:${k}:1`)).toBeNull();
      });

      it("sends a handed-over release on its own when no take follows", async () => {
        const { kv, calls } = countingCalls(target.createKv());
        const k = key("slot-handover-alone");
        await withSlot(kv, k, { maxConcurrent: 1, leaseMs: 10_000, waitMs: 0, handOver: () => true }, async () => undefined);
        await sleep(target.slackMs + 100);
        expect(calls).toEqual(["takeSlot", "delIfEquals"]);
        expect(await kv.get(`slot:${k}:0`)).toBeNull();
      });

      it("takeSlot writes nothing when the spacing turn lies beyond maxWaitMs, or no slot is free", async () => {
        const kv = target.createKv();
        const k = key("take");
        const slots = [`${k}:0`, `${k}:1`];
        const opts = { leaseMs: 10_000, minSpacingMs: 5_000, maxWaitMs: 1_000 };
        expect(await kv.takeSlot(slots, `${k}:spacing`, "a", opts)).toEqual({ taken: true, index: 0, waitMs: 0 });
        const refused = await kv.takeSlot(slots, `${k}:spacing`, "b", opts);
        expect(refused).toMatchObject({ taken: false, reason: "spacing" });
        expect(refused.waitMs).toBeGreaterThan(1_000);
        expect(await kv.get(`${k}:1`)).toBeNull();
        // Within the wait budget: the next slot, and the time to wait for its turn.
        const later = await kv.takeSlot(slots, `${k}:spacing`, "c", { ...opts, maxWaitMs: 10_000 });
        expect(later).toMatchObject({ taken: true, index: 1 });
        expect(later.waitMs).toBeGreaterThan(4_000);
        expect(await kv.get(`${k}:1`)).toBe("c");
        expect(await kv.takeSlot(slots, `${k}:spacing`, "d", { ...opts, minSpacingMs: 0 })).toEqual({ taken: false, reason: "concurrency", waitMs: 0 });
      });

      it("frees a slot whose holder never released it when the lease expires", async () => {
        const kv = target.createKv();
        const k = key("slot-lease");
        const abandoned = await acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: TTL, waitMs: 0 });
        expect(kvFailureKind(await acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: TTL, waitMs: 0 }).catch((e: unknown) => e))).toBe("slot_timeout");
        await sleep(PAST_TTL);
        const next = await acquireSlot(kv, k, { maxConcurrent: 1, leaseMs: 10_000, waitMs: 0 });
        expect(await abandoned.release()).toBe(false);
        expect(await next.release()).toBe(true);
      });
    });
  });
}
