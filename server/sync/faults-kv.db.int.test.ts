import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { probeRedis, RespClient } from "@/test/resp-client";
import { redisUrl, requireServices } from "@/test/services";
import { drive, expectSameHistory, fullHistory, getTestDb, sleep, STEP, type History, syncedBaseline } from "@/test/sync-faults";
import { connectedUser, startSim } from "@/test/sync-harness";
import { startUpstashBridge, type UpstashBridge } from "@/test/upstash-bridge";

/**
 * The shared KV (Redis behind Upstash REST, as deployed) fails or is shared by two app instances: a KV outage mid-sync
 * costs the job a retried step, never a workout; two instances behind one KV never run a user's step twice.
 */
const unreachable = await probeRedis(redisUrl());
if (unreachable !== null && !requireServices) console.warn(`Redis not reachable (${unreachable}): KV fault scenarios skipped.`);

/** The app's KV URL points here: forwards to the bridge, or drops every connection while `down`. */
let down = false;
let bridge: UpstashBridge | undefined;
let redis: RespClient | undefined;
const gate = http.createServer((req, res) => {
  if (down || !bridge) return req.socket.destroy();
  const target = new URL(req.url ?? "/", bridge.url);
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => req.socket.destroy());
  req.pipe(upstream);
});
const TOKEN = "kv-fault-token-0123456789abcdef";
if (unreachable === null) {
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
  // Read once by getEnv(), before anything in this file touches the environment.
  process.env.KV_REST_API_URL = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  process.env.KV_REST_API_TOKEN = TOKEN;
}

const database = setupTestDatabase();
const MEMBER = TEST_MEMBERS.other;
let sim: PelotonSimulator;
let baseline: History;

describe.runIf(unreachable !== null && requireServices)("KV fault prerequisites", () => {
  it("needs a reachable Redis", () => {
    throw new Error(`Redis not reachable (${unreachable}) and AUTOCOACH_REQUIRE_SERVICES=1.`);
  });
});

describe.skipIf(unreachable !== null)(`sync when the KV fails or is shared (${database.kind()})`, () => {
  beforeAll(async () => {
    redis = await RespClient.connect(redisUrl());
    bridge = await startUpstashBridge({ redis, token: TOKEN });
    sim = await startSim();
    baseline = await syncedBaseline(MEMBER);
    expect(bridge.requests.single + bridge.requests.pipeline + bridge.requests.multiExec).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await sim?.close();
    await bridge?.close();
    await redis?.close();
    await new Promise((resolve) => gate.close(resolve));
  });

  it("KV unavailable for three steps mid-details: the steps are retried, no workout is marked failed → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    let outage = 0;
    // Slow enough that the details take several steps whatever the machine (a fast one did them all in one step).
    sim.faults.latencyMs = 250;
    const { last } = await drive(userId, {
      beforeStep: async () => {
        const complete = await db.workout.count({ where: { userId, syncState: "complete" } });
        // Once some details are in, the KV goes away for three steps (as many as a workout's attempts).
        if (outage === 0 && complete > 5) outage = 1;
        down = outage >= 1 && outage <= 3;
        if (down) outage += 1;
      },
    });
    down = false;
    sim.faults.latencyMs = 0;
    expect(outage).toBe(4);
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    expect(await db.workout.count({ where: { userId, syncAttempts: { gt: 0 } } }), "workouts charged with the KV's outage").toBe(0);
    expectSameHistory(await fullHistory(userId), baseline);
  });

  it("two app instances behind one KV step the same user at once: never the same step twice → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const { syncStep } = await import("./service");
    const { startSyncJob } = await import("./job");
    await startSyncJob(await getTestDb(), userId, "full");
    sim.stats.requests.length = 0;
    const instance = async () => {
      for (let steps = 0; steps < 200; ) {
        const r = await syncStep(userId, STEP);
        if (!r.more && !r.busy) return;
        if (r.busy) await sleep(20);
        else steps += 1;
      }
      throw new Error("the job never finished");
    };
    await Promise.all([instance(), instance()]);
    const graphs = sim.stats.requests.filter((r) => r.path.endsWith("/performance_graph")).map((r) => r.path);
    expect(graphs.filter((p, i) => graphs.indexOf(p) !== i), "workouts fetched twice").toEqual([]);
    expectSameHistory(await fullHistory(userId), baseline);
  });
});
