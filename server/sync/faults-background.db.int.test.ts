import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { drive, expectSameHistory, freezingSource, fullHistory, getTestDb, sleep, STEP, type History, syncedBaseline } from "@/test/sync-faults";
import { connectedUser, startSim, syncToEnd } from "@/test/sync-harness";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { continueSync } from "./background";
import { startSyncJob } from "./job";
import { createPelotonSource } from "./peloton-source";
import { advanceRunnable } from "./schedule";
import { startSync } from "./service";
import { runSyncStep } from "./step";

/**
 * Faults while the server syncs on its own (docs/architecture.md "A sync step"): the server killed during a background
 * step, the database connection dropped mid-step, TrainingPeaks failing during auto-send. Each ends with nothing lost
 * and nothing duplicated, compared with a fault-free sync of the same member.
 */
const database = setupTestDatabase();
const MEMBER = TEST_MEMBERS.other;
let sim: PelotonSimulator;
let tp: TrainingPeaksSimulator;
let baseline: History;

beforeAll(async () => {
  sim = await startSim();
  tp = await startTestTrainingPeaks();
  baseline = await syncedBaseline(MEMBER);
});
afterAll(async () => {
  await sim?.close();
  await tp?.close();
});
beforeEach(() => {
  sim.reset();
  tp.reset();
});

const CONNECTION_LOST = "Connection terminated unexpectedly";

/**
 * The database as a step sees it when its connection drops: the chosen commits (transactions, batched writes) fail before they commit, or
 * commit and then fail (the client never hears the answer), and the chosen job updates fail outright.
 */
function droppingDb(db: Db, faults: { before: number[]; afterCommit: number[]; jobUpdates: number[] }) {
  let transactions = 0;
  let jobUpdates = 0;
  const syncJob = new Proxy(db.syncJob, {
    get(target, prop, receiver) {
      if (prop !== "updateMany") return Reflect.get(target, prop, receiver);
      return async (...args: Parameters<Db["syncJob"]["updateMany"]>) => {
        if (faults.jobUpdates.includes(++jobUpdates)) throw new Error(CONNECTION_LOST);
        return target.updateMany(...args);
      };
    },
  });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "syncJob") return syncJob;
      // Transactions and the batched workout writes (one raw statement per chunk, with the workouts' analytics) are
      // where a step commits.
      if (prop !== "$transaction" && prop !== "$executeRaw" && prop !== "$queryRaw") return Reflect.get(target, prop, receiver);
      const commit = Reflect.get(target, prop, receiver) as (...a: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const n = ++transactions;
        if (faults.before.includes(n)) throw new Error(CONNECTION_LOST);
        const result = await Reflect.apply(commit, target, args);
        if (faults.afterCommit.includes(n)) throw new Error(CONNECTION_LOST);
        return result;
      };
    },
  });
  return { db: proxy, dropped: () => ({ transactions, jobUpdates }) };
}

describe(`background sync under faults (${database.kind()})`, () => {
  it("server killed during a background step: its live lease keeps the sweeper off; once it expires the sweeper resumes → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const { jobId } = await startSyncJob(db, userId, "full");
    // The background continuation's step: its process dies after 12 workouts, requests in flight, lease held.
    const dead = freezingSource(createPelotonSource(userId, STEP), "fetchWorkout", 12);
    let zombie: Promise<unknown> | undefined;
    for (let i = 0; i < 20 && !zombie; i++) {
      const step = runSyncStep(db, userId, dead.source, STEP);
      if ((await Promise.race([step.then(() => "finished"), dead.frozen.then(() => "frozen")])) === "frozen") zombie = step;
    }
    expect(zombie, "the step reached the point where its process dies").toBeDefined();
    await sleep(300);
    expect(await advanceRunnable({ timeLimitMs: 10_000, stepBudgetMs: STEP.budgetMs })).toMatchObject({ steps: 0 });

    await db.syncJob.updateMany({ where: { id: jobId }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
    const report = await advanceRunnable({ timeLimitMs: 120_000, stepBudgetMs: STEP.budgetMs });
    expect(report).toMatchObject({ usersAdvanced: 1, finished: 1 });
    expectSameHistory(await fullHistory(userId), baseline);

    dead.wake(new Error("socket hang up"));
    await zombie;
    expectSameHistory(await fullHistory(userId), baseline);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ phase: "done" });
  });

  it("database connection dropped mid-step (before and after a commit, and on a job update) → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const dropping = droppingDb(db, { before: [3, 9], afterCommit: [5, 12], jobUpdates: [4] });
    const { last } = await drive(userId, { runStep: (o) => runSyncStep(dropping.db, userId, createPelotonSource(userId, o), o) });
    expect(dropping.dropped().transactions).toBeGreaterThan(12);
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    // A chunk dropped before its commit is written again by a later step, analytics included; the analytics job the
    // finished sync queued catches up anything stale (fullHistory lets it finish, as after the response or on the cron).
    expectSameHistory(await fullHistory(userId), baseline);
  });

  it("TrainingPeaks answers 5xx during auto-send: the uploads are retried and each ride arrives exactly once", async () => {
    const member = TEST_MEMBERS.newbie;
    const db = await getTestDb();
    const { setAutoSend } = await import("@/server/push/auto-send");
    const userId = await connectedUser(member);
    await linkTrainingPeaks(userId, tp.url, { athleteId: DEMO_ATHLETES.demo.id });
    sim.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20, createdAt: Math.floor(Date.now() / 1000) - 2 * 86_400 });
    expect((await syncToEnd(userId, { kind: "full" })).last?.progress?.phase).toBe("done");
    await setAutoSend(userId, true);
    await db.user.update({ where: { id: userId }, data: { tpAutoSendSince: new Date(Date.now() - 3_600_000) } });
    const fresh = [sim.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20 }), sim.addWorkout(member.email, { kind: "power_zone", durationMinutes: 30 })];
    tp.faults.add({ method: "POST", path: "^/v3/file$", status: 503, times: 2 });
    tp.faults.add({ method: "GET", path: "^/v3/status/", status: 502, times: 2 });

    await startSync(userId, "incremental");
    // The continuation and, for uploads left waiting on a retry, the sweeper: as the running app would.
    expect(await continueSync(userId)).toMatchObject({ stopped: "idle" });
    const uploads = await db.trainingPeaksUpload.findMany({ where: { userId }, include: { workout: { select: { pelotonWorkoutId: true } } } });
    expect(uploads.map((u) => u.workout.pelotonWorkoutId).sort()).toEqual([...fresh].sort());
    expect(uploads.every((u) => u.state === "done" && u.trigger === "auto")).toBe(true);
    expect(uploads.some((u) => u.attempts > 1), "an upload needed another attempt").toBe(true);
    expect(tp.uploads.list()).toHaveLength(2);
    expect(await db.workout.count({ where: { userId } })).toBe(3);

    // Another sync finds nothing new and uploads nothing twice.
    await startSync(userId, "incremental");
    await continueSync(userId);
    expect(tp.uploads.list()).toHaveLength(2);
  });
});
