import { afterEach, describe, expect, it, vi } from "vitest";
import { describeKvContract } from "@/test/kv-contract";
import { acquireLock, createKv, getKv, kvFailureKind, rateLimit } from "./";
import { createMemoryKv } from "./memory";

const kvConfig = vi.hoisted(() => vi.fn<() => { url: string; token: string } | null>(() => null));
vi.mock("@/server/env", () => ({ kvConfig }));

describeKvContract({ name: "memory", createKv: () => createKv(undefined), slackMs: 5 });

/** A memory store on a clock the test moves by hand, for exact expiry boundaries. */
function memoryKvOnManualClock(start = 1_000) {
  let now = start;
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  return { clock, kv: createMemoryKv({ now: clock.now }) };
}

type ManualKv = ReturnType<typeof memoryKvOnManualClock>;

/** "k" still reads "v" until `ms` from now, and is gone at exactly `ms`. */
async function expectExpiresIn({ clock, kv }: ManualKv, ms: number) {
  clock.advance(ms - 1);
  expect(await kv.get("k")).toBe("v");
  clock.advance(1);
  expect(await kv.get("k")).toBeNull();
}

describe("memory store on a manual clock", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("expires a key exactly at its TTL", async () => {
    const store = memoryKvOnManualClock();
    await store.kv.set("k", "v", { ttlMs: 100 });
    await expectExpiresIn(store, 100);
  });

  it("rounds fractional TTLs up to whole milliseconds, like Redis PX", async () => {
    const store = memoryKvOnManualClock();
    await store.kv.set("k", "v", { ttlMs: 0.2 });
    await expectExpiresIn(store, 1);
  });

  it("expireIfEquals restarts the TTL from now", async () => {
    const store = memoryKvOnManualClock();
    await store.kv.set("k", "v", { ttlMs: 100 });
    store.clock.advance(90);
    expect(await store.kv.expireIfEquals("k", "v", 100)).toBe(true);
    await expectExpiresIn(store, 100);
  });

  it("incr reports the remaining window and resets when it ends", async () => {
    const { clock, kv } = memoryKvOnManualClock();
    expect(await kv.incr("c", 1_000)).toEqual({ value: 1, ttlMs: 1_000 });
    clock.advance(250);
    expect(await kv.incr("c", 1_000)).toEqual({ value: 2, ttlMs: 750 });
    clock.advance(750);
    expect(await kv.incr("c", 1_000)).toEqual({ value: 1, ttlMs: 1_000 });
  });

  it("incr on a non-integer value fails as a KV command failure, as Redis does", async () => {
    const kv = createMemoryKv();
    await kv.set("k", "not a number");
    await expect(kv.incr("k", 1_000)).rejects.toMatchObject({ name: "AppError", code: "kv.unavailable", detail: { kind: "command_failed" } });
    await kv.set("k", "1.5");
    await expect(kv.incr("k", 1_000)).rejects.toMatchObject({ code: "kv.unavailable" });
  });

  it("rateLimit reports exactly how long until the window ends", async () => {
    const { clock, kv } = memoryKvOnManualClock();
    const opts = { limit: 2, windowMs: 60_000 };
    expect((await rateLimit(kv, "u1", opts)).ok).toBe(true);
    clock.advance(10_000);
    expect(await rateLimit(kv, "u1", opts)).toEqual({ ok: true, remaining: 0, retryAfterMs: 0 });
    clock.advance(5_000);
    expect(await rateLimit(kv, "u1", opts)).toEqual({ ok: false, remaining: 0, retryAfterMs: 45_000 });
    expect((await rateLimit(kv, "u2", opts)).ok).toBe(true);
    clock.advance(45_000);
    expect(await rateLimit(kv, "u1", opts)).toEqual({ ok: true, remaining: 1, retryAfterMs: 0 });
  });

  it("a lock whose lease ran out can be taken by the next caller", async () => {
    const { clock, kv } = memoryKvOnManualClock();
    const first = await acquireLock(kv, "job", { ttlMs: 30_000 });
    expect(first).not.toBeNull();
    clock.advance(29_999);
    expect(await acquireLock(kv, "job", { ttlMs: 30_000 })).toBeNull();
    clock.advance(1);
    expect(await acquireLock(kv, "job", { ttlMs: 30_000 })).not.toBeNull();
    expect(await first?.release()).toBe(false);
  });

  it("never schedules a timer, so it cannot keep the process alive", async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const kv = createMemoryKv();
    for (let i = 0; i < 1_200; i += 1) await kv.set(`k${i}`, "v", { ttlMs: 1 });
    await kv.incr("c", 1_000);
    await kv.expireIfEquals("k0", "v", 1_000);
    expect(setTimeoutSpy).not.toHaveBeenCalled();
    expect(setIntervalSpy).not.toHaveBeenCalled();
  });

  it("rejects TTLs that Redis would reject", async () => {
    const kv = createMemoryKv();
    await expect(kv.set("k", "v", { ttlMs: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(kv.incr("k", Number.NaN)).rejects.toBeInstanceOf(RangeError);
    await expect(kv.expireIfEquals("k", "v", -5)).rejects.toBeInstanceOf(RangeError);
    await expect(rateLimit(kv, "k", { limit: 0, windowMs: 1_000 })).rejects.toBeInstanceOf(RangeError);
  });
});

describe("createKv / getKv", () => {
  it("uses the in-process store without configuration", () => {
    expect(createKv(undefined).mode).toBe("memory");
    expect(createKv({}).mode).toBe("memory");
    expect(createKv({ url: " ", token: "" }).mode).toBe("memory");
  });

  it("uses Upstash when both URL and token are given (without contacting it)", () => {
    expect(createKv({ url: "https://example.upstash.io", token: "secret-token" }).mode).toBe("upstash");
  });

  it("refuses half a configuration instead of silently becoming per-instance", () => {
    expect(kvFailureKind(captureError(() => createKv({ url: "https://example.upstash.io" })))).toBe("misconfigured");
    expect(() => createKv({ token: "secret-token" })).toThrow(/only the token is set/);
    const error = captureError(() => createKv({ token: "secret-token" }));
    expect(kvFailureKind(error)).toBe("misconfigured");
    expect(String(error)).not.toContain("secret-token");
  });

  it("rejects a URL the Upstash client cannot use", () => {
    const error = captureError(() => createKv({ url: "example.upstash.io", token: "secret-token" }));
    expect(kvFailureKind(error)).toBe("misconfigured");
    expect(String(error)).not.toContain("secret-token");
  });

  it("getKv takes its configuration from lib/env once and memoises the store", () => {
    const first = getKv();
    expect(first.mode).toBe("memory");
    expect(getKv()).toBe(first);
    expect(kvConfig).toHaveBeenCalledTimes(1);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}
