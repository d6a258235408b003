import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getKv, acquireSlot } from "@/server/kv";
import { REQUEST_BUDGET } from "@/server/providers/peloton/connection";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { drive, expectSameHistory, fullHistory, getTestDb, STEP } from "@/test/sync-faults";
import { connectedUser, startSim } from "@/test/sync-harness";
import { startSyncJob } from "./job";
import { createPelotonSource } from "./peloton-source";
import { syncStep } from "./service";
import { flushSaves, saveWorkout } from "./store";
import { writeWorkoutBatch } from "./workout-batch";

/**
 * A step keeps its deadline when the account's request slots are all taken (by other users' steps, say): it stops
 * cleanly with every workout still pending and untouched. And the batched workout write is idempotent.
 */
const database = setupTestDatabase();
const MEMBER = TEST_MEMBERS.other;
let sim: PelotonSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => sim?.close());
beforeEach(() => sim.reset());

async function pelotonUserIdOf(userId: string): Promise<string> {
  const db = await getTestDb();
  return (await db.pelotonConnection.findUniqueOrThrow({ where: { userId } })).pelotonUserId;
}

describe(`sync steps and their deadline (${database.kind()})`, () => {
  it("a step whose slot wait would outlast its budget stops at the deadline: nothing failed, nothing lost", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(MEMBER);
    await startSyncJob(db, userId, "full");
    let listed = await syncStep(userId, STEP);
    while (listed.more && !listed.progress?.listComplete) listed = await syncStep(userId, STEP);
    expect(listed.progress?.phase).toBe("details");

    // Every request slot of the account is held elsewhere, far longer than the step may take.
    const budgetKey = `peloton:budget:${await pelotonUserIdOf(userId)}`;
    const held = await Promise.all(
      Array.from({ length: REQUEST_BUDGET.maxConcurrent }, () => acquireSlot(getKv(), budgetKey, { maxConcurrent: REQUEST_BUDGET.maxConcurrent, leaseMs: 120_000, waitMs: 0 })),
    );
    const requestsBefore = sim.stats.requests.length;
    const step = await syncStep(userId, { ...STEP, budgetMs: 1_500 });
    // Before: each request waited REQUEST_BUDGET.waitMs (30 s) for a slot, then failed its workout as "unavailable".
    expect(step.more).toBe(true);
    expect(step.progress).toMatchObject({ phase: "details", lastError: null, failed: 0 });
    expect(sim.stats.requests.length).toBe(requestsBefore);
    const job = await db.syncJob.findFirstOrThrow({ where: { userId }, orderBy: { startedAt: "desc" } });
    expect(job).toMatchObject({ failedCount: 0, lastError: null, detailsDone: 0 });
    const workouts = await db.workout.findMany({ where: { userId }, select: { syncState: true, syncAttempts: true, syncError: true } });
    expect(workouts.length).toBe(listed.progress?.remoteTotal);
    expect(workouts.filter((w) => w.syncState !== "pending" || w.syncAttempts !== 0 || w.syncError !== null)).toEqual([]);

    await Promise.all(held.map((slot) => slot.release()));
    const { last } = await drive(userId, { start: false });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    const history = await fullHistory(userId);
    expect(new Set(history.map((w) => w.pelotonWorkoutId)).size).toBe(history.length);
    expect(history.every((w) => w.syncState === "complete")).toBe(true);
  }, 120_000);
});

describe(`batched workout writes (${database.kind()})`, () => {
  it("re-writing a chunk (with a workout twice in it, or group-committed) adds nothing and changes nothing", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(MEMBER);
    await drive(userId);
    const before = await fullHistory(userId);
    const counts = async () => ({
      workouts: await db.workout.count({ where: { userId } }),
      details: await db.workoutDetails.count({ where: { workout: { userId } } }),
      series: await db.workoutSeries.count({ where: { workout: { userId } } }),
    });
    const countsBefore = await counts();

    const source = createPelotonSource(userId);
    const chosen = before.filter((w) => w.series).slice(0, 5);
    const items = await Promise.all(chosen.map(async (w) => ({ userId, result: (await source.fetchWorkout(w.pelotonWorkoutId)).transformed })));
    const first = items[0];
    if (!first) throw new Error("no workout with samples");
    expect(await writeWorkoutBatch(db, items)).toHaveLength(items.length);
    expect(await writeWorkoutBatch(db, [...items, first])).toHaveLength(items.length);
    const bytes = await Promise.all(items.map((item) => saveWorkout(db, userId, item.result)));
    expect(bytes.every((b) => b > 0)).toBe(true);
    expect(await counts()).toEqual(countsBefore);
    expectSameHistory(await fullHistory(userId), before);

    // Synced again without samples: the old series goes, the workout and its details stay.
    await writeWorkoutBatch(db, [{ userId, result: { ...first.result, series: null } }]);
    expect(await counts()).toEqual({ ...countsBefore, series: countsBefore.series - 1 });
  }, 120_000);

  it("a workout re-written without analytics gets them back from the analytics job, score and TSS sort key alike", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(MEMBER);
    await drive(userId);
    const scored = await db.workoutAnalytics.findFirstOrThrow({ where: { userId, score: { gt: 0 } }, select: { workoutId: true, score: true } });
    const row = await db.workout.findUniqueOrThrow({ where: { id: scored.workoutId }, select: { pelotonWorkoutId: true, rankTss: true } });
    const { transformed } = await createPelotonSource(userId).fetchWorkout(row.pelotonWorkoutId);
    if (!transformed) throw new Error("fetch failed");
    // As after a commit the client never heard of: the workout is written again, this time without its analytics.
    await writeWorkoutBatch(db, [{ userId, result: transformed, analyze: false }]);
    expect(await db.workoutAnalytics.count({ where: { workoutId: scored.workoutId } })).toBe(0);
    const { requestAnalytics, runAnalyticsUntilIdle } = await import("@/server/analytics/job");
    await requestAnalytics(db, userId, "test");
    await runAnalyticsUntilIdle(db, userId, { timeLimitMs: 60_000 });
    expect(await db.workoutAnalytics.findUniqueOrThrow({ where: { workoutId: scored.workoutId }, select: { score: true } })).toEqual({ score: scored.score });
    expect(await db.workout.findUniqueOrThrow({ where: { id: scored.workoutId }, select: { rankTss: true } })).toEqual({ rankTss: row.rankTss });
  }, 120_000);

  it("saves that linger wait for company and go out in one statement: when the linger ends, or at once on flushSaves", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(MEMBER);
    await drive(userId);
    const ids = (await fullHistory(userId)).slice(0, 4).map((w) => w.pelotonWorkoutId);
    const source = createPelotonSource(userId);
    const results = await Promise.all(ids.map(async (id) => (await source.fetchWorkout(id)).transformed));
    await db.workout.updateMany({ where: { userId }, data: { syncState: "pending" } });
    const complete = () => db.workout.count({ where: { userId, pelotonWorkoutId: { in: ids }, syncState: "complete" } });
    const statements = vi.spyOn(db, "$queryRaw");
    try {
      // Two saves linger for a minute: nothing is written until flushSaves, then both in one statement.
      const long = results.slice(0, 2).map((result) => saveWorkout(db, userId, result, undefined, { lingerMs: 60_000 }));
      await new Promise((r) => setTimeout(r, 300));
      expect(await complete()).toBe(0);
      expect(statements).not.toHaveBeenCalled();
      flushSaves(db);
      expect((await Promise.all(long)).every((b) => b > 0)).toBe(true);
      expect(await complete()).toBe(2);
      expect(statements).toHaveBeenCalledTimes(1);

      // Two saves lingering 200 ms: written together once the first one's linger is over, with no flush.
      const t0 = Date.now();
      const short = results.slice(2).map((result) => saveWorkout(db, userId, result, undefined, { lingerMs: 200 }));
      await Promise.all(short);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
      expect(await complete()).toBe(4);
      expect(statements).toHaveBeenCalledTimes(2);
    } finally {
      statements.mockRestore();
    }
  }, 120_000);

  it("one workout the database refuses fails alone; the others of its chunk are written", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(MEMBER);
    await drive(userId);
    const [a, b, c] = (await fullHistory(userId)).slice(0, 3).map((w) => w.pelotonWorkoutId);
    if (!a || !b || !c) throw new Error("too few workouts");
    const source = createPelotonSource(userId);
    const [wa, wb, wc] = await Promise.all([a, b, c].map(async (id) => (await source.fetchWorkout(id)).transformed));
    if (!wa || !wb || !wc) throw new Error("fetch failed");
    await db.workout.updateMany({ where: { userId }, data: { syncState: "pending", title: "stale" } });
    // Not a whole number of seconds: the Int column refuses it.
    const broken = { ...wb, workout: { ...wb.workout, durationSeconds: 1.5 } };
    const results = await Promise.allSettled([saveWorkout(db, userId, wa), saveWorkout(db, userId, broken), saveWorkout(db, userId, wc)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const states = await db.workout.findMany({ where: { userId, pelotonWorkoutId: { in: [a, b, c] } }, select: { pelotonWorkoutId: true, syncState: true, title: true } });
    const byId = new Map(states.map((s) => [s.pelotonWorkoutId, s]));
    expect(byId.get(a)).toMatchObject({ syncState: "complete", title: wa.workout.title });
    expect(byId.get(b)).toMatchObject({ syncState: "pending", title: "stale" });
    expect(byId.get(c)).toMatchObject({ syncState: "complete", title: wc.workout.title });
  }, 120_000);
});
