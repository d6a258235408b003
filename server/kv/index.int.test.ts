import { randomUUID } from "node:crypto";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKvContract } from "@/test/kv-contract";
import { describeRedisUrl, probeRedis, RespClient } from "@/test/resp-client";
import { redisUrl as configuredRedisUrl, requireServices } from "@/test/services";
import { startUpstashBridge, type UpstashBridge } from "@/test/upstash-bridge";
import { acquireLock, createKv, kvFailureKind, withLock, type Kv } from "./";

// The Upstash implementation against a real Redis, through an Upstash REST bridge (test/upstash-bridge.ts).
const redisUrl = configuredRedisUrl();
const unreachable = await probeRedis(redisUrl);
const where = describeRedisUrl(redisUrl);

if (unreachable !== null && !requireServices) {
  console.warn(`Redis not reachable at ${where} (${unreachable}) — Upstash KV integration tests skipped. Start Redis or set REDIS_URL.`);
}

describe.runIf(unreachable !== null && requireServices)("Upstash KV integration prerequisites", () => {
  it("needs a reachable Redis", () => {
    throw new Error(`Redis not reachable at ${where} (${unreachable}) and AUTOCOACH_REQUIRE_SERVICES=1. Start Redis or set REDIS_URL.`);
  });
});

describe.skipIf(unreachable !== null)("Upstash KV against Redis via the REST bridge", () => {
  const prefix = `autocoach:test:${randomUUID()}:`;
  let redis: RespClient;
  let bridge: UpstashBridge;
  const upstashKv = (overrides: { token?: string; url?: string } = {}): Kv =>
    createKv({ url: overrides.url ?? bridge.url, token: overrides.token ?? bridge.token, prefix });

  beforeAll(async () => {
    redis = await RespClient.connect(redisUrl);
    bridge = await startUpstashBridge({ redis });
  });

  afterAll(async () => {
    await deleteKeys(redis, `${prefix}*`);
    await bridge?.close();
    await redis?.close();
  });

  describeKvContract({ name: "upstash (bridge → Redis)", createKv: () => upstashKv(), slackMs: 20 });

  it("really went through the Upstash protocol, batching concurrent calls into /pipeline", () => {
    expect(upstashKv().mode).toBe("upstash");
    expect(bridge.requests.single + bridge.requests.pipeline).toBeGreaterThan(0);
    expect(bridge.requests.pipeline).toBeGreaterThan(0);
  });

  it("namespaces keys under the prefix", async () => {
    await upstashKv().set("namespaced", "v");
    const reply = await redis.send(["GET", `${prefix}namespaced`]);
    expect(reply).toMatchObject({ type: "bulk" });
    expect(reply.type === "bulk" ? reply.value?.toString("utf8") : undefined).toBe("v");
  });

  it("one lock across two separate instances", async () => {
    const a = upstashKv();
    const b = upstashKv();
    const key = `cross:${randomUUID()}`;
    const held = await acquireLock(a, key, { ttlMs: 5_000 });
    expect(held).not.toBeNull();
    expect(await acquireLock(b, key, { ttlMs: 5_000 })).toBeNull();
    expect(await b.delIfEquals(`lock:${key}`, "someone else's token")).toBe(false);
    const waiter = acquireLock(b, key, { ttlMs: 5_000, waitMs: 5_000, retryDelayMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await held?.release()).toBe(true);
    const taken = await waiter;
    expect(taken).not.toBeNull();
    expect(await acquireLock(a, key, { ttlMs: 5_000 })).toBeNull();
    await taken?.release();

    let inFlight = 0;
    let maxInFlight = 0;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withLock(i % 2 ? a : b, `${key}:serial`, { ttlMs: 5_000, waitMs: 10_000, retryDelayMs: 10 }, async () => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 10));
          inFlight -= 1;
        }),
      ),
    );
    expect(maxInFlight).toBe(1);
  });

  it("a rejected token becomes a KV failure that does not contain the token", async () => {
    const wrongToken = `wrong-${randomUUID()}`;
    const error = await upstashKv({ token: wrongToken })
      .get("anything")
      .then(() => null, (e: unknown) => e);
    expect(kvFailureKind(error)).toBe("command_failed");
    expect(String(error)).toMatch(/Unauthorized/);
    expect(String(error)).not.toContain(wrongToken);
    expect(String(error)).not.toContain(bridge.token);
  });

  it("a Redis error becomes a KV failure with Redis's reason", async () => {
    const kv = upstashKv();
    await kv.set("not-a-number", "abc");
    await expect(kv.incr("not-a-number", 1_000)).rejects.toMatchObject({
      name: "AppError",
      detail: { kind: "command_failed" },
      message: expect.stringMatching(/not an integer/),
    });
  });

  it("an unreachable endpoint becomes a KV failure 'unavailable'", async () => {
    const closed = await startUpstashBridge({ redis });
    const url = closed.url;
    await closed.close();
    await expect(upstashKv({ url }).get("k")).rejects.toMatchObject({ name: "AppError", code: "kv.unavailable", detail: { kind: "unavailable" } });
  });

  describe("bridge protocol", () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${bridge.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${bridge.token}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    it("answers 401 without the right token", async () => {
      const response = await fetch(bridge.url, { method: "POST", body: JSON.stringify(["PING"]) });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Unauthorized" });
    });

    it("encodes strings as base64 except OK when asked, like Upstash", async () => {
      const key = `${prefix}raw:${randomUUID()}`;
      const base64 = { "upstash-encoding": "base64" };
      expect(await (await post("/", ["SET", key, "héllo"], base64)).json()).toEqual({ result: "OK" });
      expect(await (await post("/", ["GET", key], base64)).json()).toEqual({ result: Buffer.from("héllo").toString("base64") });
      expect(await (await post("/", ["GET", key])).json()).toEqual({ result: "héllo" });
      expect(await (await post("/", ["PING"], base64)).json()).toEqual({ result: Buffer.from("PONG").toString("base64") });
      expect(await (await post("/", ["STRLEN", key], base64)).json()).toEqual({ result: 6 });
      expect(await (await post("/", ["GET", `${key}:missing`], base64)).json()).toEqual({ result: null });
      const failed = await post("/", ["INCR", key], base64);
      expect(failed.status).toBe(400);
      expect(await failed.json()).toEqual({ error: expect.stringMatching(/^ERR value is not an integer/) });
    });

    it("serves pipelines and transactions to the real client", async () => {
      const client = new Redis({ url: bridge.url, token: bridge.token, automaticDeserialization: false, enableAutoPipelining: false });
      const key = `${prefix}tx:${randomUUID()}`;
      const results = await client.multi().set(key, "1").incr(key).get(key).exec();
      expect(results).toEqual(["OK", 2, "2"]);
      const piped = await client.pipeline().incr(key).set(`${key}:s`, "x").get(`${key}:s`).exec({ keepErrors: true });
      expect(piped.map((item) => item.result)).toEqual([3, "OK", "x"]);
      expect(bridge.requests.multiExec).toBeGreaterThan(0);
    });

    it("reports a discarded transaction as one error", async () => {
      const response = await post("/multi-exec", [["SET", `${prefix}x`, "1"], ["NOT-A-COMMAND"]]);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/unknown command/i) });
    });
  });
});

async function deleteKeys(redis: RespClient, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const reply = await redis.send(["SCAN", cursor, "MATCH", pattern, "COUNT", "500"]);
    if (reply.type !== "array" || reply.value === null) throw new Error(`SCAN failed: ${JSON.stringify(reply)}`);
    const [next, keys] = reply.value;
    cursor = next?.type === "bulk" && next.value ? next.value.toString("utf8") : "0";
    const names = keys?.type === "array" && keys.value ? keys.value.flatMap((k) => (k.type === "bulk" && k.value ? [k.value] : [])) : [];
    if (names.length > 0) await redis.send(["DEL", ...names]);
  } while (cursor !== "0");
}
