import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { getTestDb } from "@/test/sync-faults";
import { connectedUser, startSim } from "@/test/sync-harness";

// Background sync is off under tests unless enabled: this file enables it, with a short sweep interval. Read once by
// getEnv(), before anything here touches the environment.
process.env.SYNC_BACKGROUND = "true";
process.env.SYNC_SWEEP_INTERVAL_MS = "1000";
process.env.SYNC_STEP_BUDGET_MS = "2500";

const database = setupTestDatabase();
let sim: PelotonSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  const { stopSyncSweeper } = await import("./sweeper");
  stopSyncSweeper();
  await sim?.close();
});

describe(`the sweeper started with the server (${database.kind()})`, () => {
  it("instrumentation's register() starts it once, in the Node.js runtime only", async () => {
    const { register } = await import("@/instrumentation");
    const { stopSyncSweeper } = await import("./sweeper");
    const state = globalThis as unknown as { autocoachSweeper?: unknown };
    process.env.NEXT_RUNTIME = "edge";
    await register();
    expect(state.autocoachSweeper).toBeUndefined();
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    const first = state.autocoachSweeper;
    expect(first).toBeDefined();
    await register();
    expect(state.autocoachSweeper).toBe(first);
    stopSyncSweeper();
    delete process.env.NEXT_RUNTIME;
  });

  it("a started sync nobody drives runs to its end on the sweeper alone", async () => {
    const { startSyncSweeper } = await import("./sweeper");
    const { startSyncJob } = await import("./job");
    const db = await getTestDb();
    const userId = await connectedUser(TEST_MEMBERS.other);
    const { jobId } = await startSyncJob(db, userId, "full");
    expect(startSyncSweeper()).toBe(true);
    await expect.poll(async () => (await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).phase, { timeout: 120_000, interval: 500 }).toBe("done");
    expect(await db.workout.count({ where: { userId, syncState: "complete" } })).toBe(48);
  }, 150_000);
});
