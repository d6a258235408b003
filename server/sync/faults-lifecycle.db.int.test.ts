import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client";
import { runSyncCron } from "./schedule";
import { cancelSyncJob, resumeSyncJob, startSyncJob } from "./job";
import { createPelotonSource } from "./peloton-source";
import { runSyncStep, type StepOptions, type StepResult } from "./step";
import { syncStep } from "./service";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { drive, expectSameHistory, freezingSource, fullHistory, getTestDb, remoteWorkoutIds, sleep, STEP, wrapSource, type History, syncedBaseline } from "@/test/sync-faults";
import { connectedUser, startSim } from "@/test/sync-harness";

/**
 * Process and data faults: a step whose process dies (and one that comes back late), two drivers racing
 * for one user, a workout appearing mid-sync, and the list shifting between pages. Each scenario syncs
 * a fresh user connected to the same simulated member and compares with a fault-free sync.
 */
// Read once by lib/env's getEnv(), before anything here touches the environment (the cron route needs it).
const CRON_SECRET = "cron-secret-for-tests-0123456789";
process.env.CRON_SECRET = CRON_SECRET;

const database = setupTestDatabase();
const MEMBER = TEST_MEMBERS.other;
/** 48 workouts in pages of 10: five list pages, so listing spans several requests and steps */
const PAGED = { pageSize: 10 };

let sim: PelotonSimulator;
let baseline: History;

beforeAll(async () => {
  sim = await startSim();
  baseline = await syncedBaseline(MEMBER);
});
afterAll(async () => sim?.close());
beforeEach(() => sim.reset());

async function expireLease(userId: string): Promise<void> {
  const db = await getTestDb();
  const held = await db.syncJob.updateMany({ where: { userId, leaseHolder: { not: null } }, data: { leaseExpiresAt: new Date(Date.now() - 1_000) } });
  expect(held.count, "a lease left behind by the dead step").toBe(1);
}

/** Run steps with a freezing source until its process freezes; the frozen step is returned unawaited. */
async function stepUntilFrozen(userId: string, dead: ReturnType<typeof freezingSource>, extra: StepOptions = {}): Promise<{ step: Promise<StepResult> }> {
  const db = await getTestDb();
  for (let i = 0; i < 20; i++) {
    const step = runSyncStep(db, userId, dead.source, { ...STEP, ...extra });
    const outcome = await Promise.race([step.then(() => "finished" as const), dead.frozen.then(() => "frozen" as const)]);
    if (outcome === "frozen") return { step };
  }
  throw new Error("the step never reached the point where its process dies");
}

/** The history equals the baseline plus `added` (each complete, with details), and matches Peloton's own list. */
async function expectBaselinePlus(userId: string, added: string[]): Promise<void> {
  const history = await fullHistory(userId);
  const remote = await remoteWorkoutIds(createPelotonSource(userId));
  expect(new Set(remote).size).toBe(remote.length);
  expect(remote).toHaveLength(48 + added.length);
  expect(history.map((w) => w.pelotonWorkoutId)).toEqual([...remote].sort());
  for (const id of added) {
    const w = history.find((h) => h.pelotonWorkoutId === id);
    expect(w, `added workout ${id}`).toMatchObject({ syncState: "complete", syncError: null });
    expect(w?.details).not.toBeNull();
  }
  expectSameHistory(
    history.filter((w) => !added.includes(w.pelotonWorkoutId)),
    baseline,
  );
}

describe(`sync under process and data faults (${database.kind()})`, () => {
  it("a process killed mid-listing leaves its lease; once it expires the next step resumes the list → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    await startSyncJob(db, userId, "full");
    // Page 0 and page 1 are read, then the process dies while pages 2–4 are in flight.
    const dead = freezingSource(createPelotonSource(userId, STEP), "listPage", 2);
    const { step: zombie } = await stepUntilFrozen(userId, dead, PAGED);
    await sleep(200);
    const job = await db.syncJob.findFirstOrThrow({ where: { userId } });
    expect(job).toMatchObject({ phase: "listing", listComplete: false });
    expect(await db.workout.count({ where: { userId } })).toBeLessThan(48);
    expect((await syncStep(userId, { ...STEP, ...PAGED })).busy).toBe(true);

    await expireLease(userId);
    const { last } = await drive(userId, { start: false, step: PAGED });
    expect(last.progress).toMatchObject({ jobId: job.id, phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);

    // The dead process comes back late: it must not disturb the finished job.
    dead.wake(new Error("socket hang up"));
    await zombie;
    expectSameHistory(await fullHistory(userId), baseline);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ phase: "done", lastError: null });
  });

  it("a process killed mid-details resumes after the lease expires, and its late return does not undo the work → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const { jobId } = await startSyncJob(db, userId, "full");
    // Steps run until 15 workouts were fetched, then the process freezes with requests in flight.
    const dead = freezingSource(createPelotonSource(userId, STEP), "fetchWorkout", 15);
    const { step: zombie } = await stepUntilFrozen(userId, dead);
    await sleep(500);
    const partial = await db.workout.count({ where: { userId, syncState: "complete" } });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(48);
    expect(dead.hungCalls()).toBeGreaterThan(0);
    expect((await syncStep(userId, STEP)).busy).toBe(true);

    await expireLease(userId);
    const { last } = await drive(userId, { start: false });
    expect(last.progress).toMatchObject({ jobId, phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);

    // The frozen process wakes up and its hung requests fail: the workouts it was fetching were completed by
    // the step that took over, and must stay complete.
    dead.wake(new Error("socket hang up"));
    const late = await zombie;
    expect(late.busy).toBe(false);
    expectSameHistory(await fullHistory(userId), baseline);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ phase: "done", lastError: null });
  });

  it("a details step that breaks (the database gone while marking a workout failed) ends with all its workers: none fetches after it returns", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    await startSyncJob(db, userId, "full");
    let fetches = 0;
    let broken = false;
    const source = wrapSource(createPelotonSource(userId, STEP), {
      fetchWorkout: (_id, next) => {
        // The third workout is garbage; marking it failed is where the database turns out to be gone.
        if (++fetches === 3) {
          broken = true;
          return Promise.reject(new Error("garbled workout"));
        }
        return next();
      },
    });
    const workouts = new Proxy(db.workout, {
      get: (target, prop, receiver) =>
        prop === "updateMany" && broken ? () => Promise.reject(new Error("Connection terminated unexpectedly")) : Reflect.get(target, prop, receiver),
    });
    const gone = new Proxy(db, { get: (target, prop, receiver) => (prop === "workout" ? workouts : Reflect.get(target, prop, receiver)) }) as Db;
    for (let i = 0; i < 10 && !broken; i++) await runSyncStep(gone, userId, source, STEP).catch(() => undefined);
    expect(broken).toBe(true);
    const atReturn = fetches;
    await sleep(1_500);
    expect(fetches, "fetches after the broken step returned").toBe(atReturn);
  });

  it("cancelling during a running step sticks; resuming later completes the same job → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const { jobId } = await startSyncJob(db, userId, "full");
    const opts = { ...STEP, budgetMs: 4_000 };
    let fetched = 0;
    let cancelled: Promise<boolean> | undefined;
    const source = wrapSource(createPelotonSource(userId, opts), {
      fetchWorkout: (_id, next) => {
        // The user presses Cancel while the step is in the middle of the details.
        if (++fetched === 10) cancelled = cancelSyncJob(db, userId);
        return next();
      },
    });
    for (let i = 0; i < 5 && !cancelled; i++) await runSyncStep(db, userId, source, opts);
    expect(await cancelled).toBe(true);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ phase: "cancelled" });
    const after = await syncStep(userId, opts);
    expect(after).toMatchObject({ more: false, busy: false });
    expect(after.progress).toMatchObject({ jobId, phase: "cancelled" });

    expect(await resumeSyncJob(db, userId)).toBe(jobId);
    const { last } = await drive(userId, { start: false });
    expect(last.progress).toMatchObject({ jobId, phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);
  });

  it("a Cancel landing between a step reading the job and taking its lease still sticks", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const { jobId } = await startSyncJob(db, userId, "full");
    let cancelled: Promise<boolean> | undefined;
    // This step's database pauses at the lease claim until the user's Cancel has gone through.
    const slowDb = db.$extends({
      query: {
        syncJob: {
          async updateMany({ args, query }) {
            if (!cancelled && typeof args.data.leaseHolder === "string") {
              cancelled = cancelSyncJob(db, userId);
              await cancelled;
            }
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const step = await runSyncStep(slowDb, userId, createPelotonSource(userId, STEP), STEP);
    expect(await cancelled).toBe(true);
    expect(step.progress?.phase).toBe("cancelled");
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ phase: "cancelled", steps: 0, requests: 0 });
    expect(await db.workout.count({ where: { userId } })).toBe(0);
  });

  it("two step drivers racing for one user: only one runs at a time, the other reports busy → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    await startSyncJob(db, userId, "full");
    const opts = { ...STEP, budgetMs: 2_000 };
    const rounds: { results: StepResult[]; ran: boolean[] }[] = [];
    for (let round = 0; round < 30; round++) {
      const ran = [false, false];
      const results = await Promise.all(
        ran.map((_, driver) =>
          runSyncStep(
            db,
            userId,
            wrapSource(createPelotonSource(userId, opts), {
              listPage: (_p, _l, next) => {
                ran[driver] = true;
                return next();
              },
              fetchWorkout: (_id, next) => {
                ran[driver] = true;
                return next();
              },
            }),
            opts,
          ),
        ),
      );
      rounds.push({ results, ran });
      if (results.every((r) => !r.more)) break;
    }
    const last = rounds.at(-1)?.results[0];
    expect(last?.progress).toMatchObject({ phase: "done", failed: 0 });
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    for (const [i, { results, ran }] of rounds.entries()) {
      expect(ran.filter(Boolean).length, `round ${i}: drivers that talked to Peloton`).toBeLessThanOrEqual(1);
      if (results.some((r) => r.more)) expect(results.filter((r) => r.busy).length, `round ${i}: busy drivers`).toBe(1);
    }
    expectSameHistory(await fullHistory(userId), baseline);
  });

  it("a workout finished on Peloton mid-sync is synced too → baseline + 1", async () => {
    const userId = await connectedUser(MEMBER);
    const added: string[] = [];
    const { last } = await drive(userId, {
      beforeStep: (i) => {
        // After the list is complete (step 0), while details are being fetched.
        if (i === 1) added.push(sim.addWorkout(MEMBER.email));
      },
    });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0, total: 49 });
    await expectBaselinePlus(userId, added);
  });

  it("a workout deleted on Peloton after it was listed is dropped, not failed → baseline − 1", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    let deleted = "";
    const { last } = await drive(userId, {
      beforeStep: async (i) => {
        // After the list is complete (step 0): the oldest workout is fetched last, so it is still pending.
        if (i !== 1) return;
        const oldest = await db.workout.findFirst({ where: { userId, syncState: "pending" }, orderBy: { startTime: "asc" } });
        deleted = oldest?.pelotonWorkoutId ?? "";
        expect(sim.deleteWorkout(deleted)).toBe(true);
      },
    });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0, total: 47, done: 47 });
    expect(await db.workout.count({ where: { userId, pelotonWorkoutId: deleted } })).toBe(0);
    const history = await fullHistory(userId);
    expect(history.map((w) => w.pelotonWorkoutId)).toEqual(baseline.map((w) => w.pelotonWorkoutId).filter((id) => id !== deleted));
  });

  it("the list shifting between pages while listing (new and back-dated workouts) → no duplicates, none missed", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const added: string[] = [];
    const newest = [...baseline].sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
    // Between the 4th and 5th newest: on page 0 in pages of 10, which was already read when it appears.
    const backdated = Math.floor(((newest[3]?.startTime.getTime() ?? 0) + (newest[4]?.startTime.getTime() ?? 0)) / 2000);
    const pagesRead: number[] = [];
    const opts = { ...STEP, ...PAGED, concurrency: 1 };
    const { last } = await drive(userId, {
      step: opts,
      runStep: (o) =>
        runSyncStep(
          db,
          userId,
          wrapSource(createPelotonSource(userId, o), {
            listPage: async (page, limit, next) => {
              const result = await next();
              if (limit === PAGED.pageSize) pagesRead.push(page);
              // First pass: three new workouts right after page 0 (every later page shifts by 3), one back-dated
              // workout after page 2 (later pages shift again, and it lands on a page already read).
              if (pagesRead.length === 1) for (let k = 0; k < 3; k++) added.push(sim.addWorkout(MEMBER.email));
              if (pagesRead.length === 3) added.push(sim.addWorkout(MEMBER.email, { createdAt: backdated, kind: "endurance" }));
              return result;
            },
          }),
          o,
        ),
    });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0, total: 52, remoteTotal: 52 });
    expect(pagesRead.length).toBeGreaterThan(6);
    await expectBaselinePlus(userId, added);
    expect(await db.workout.count({ where: { userId } })).toBe(52);
  });
});

describe(`cron driver (${database.kind()})`, () => {
  it("runSyncCron advances an unfinished job and starts a daily incremental sync for a connection last synced long ago", async () => {
    const db = await getTestDb();
    // A: a full sync that was started and stopped after its first step.
    const a = await connectedUser(MEMBER);
    const { jobId: aJob } = await startSyncJob(db, a, "full");
    await syncStep(a, STEP);
    expect((await db.syncJob.findUniqueOrThrow({ where: { id: aJob } })).phase).not.toBe("done");
    // B: fully synced, two days ago.
    const b = await connectedUser(MEMBER);
    await drive(b);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await db.pelotonConnection.update({ where: { userId: b }, data: { lastSyncedAt: twoDaysAgo } });
    const bJobs = await db.syncJob.count({ where: { userId: b } });
    // The other scenarios' users are neither due nor unfinished: only A and B are the cron's business.
    await db.pelotonConnection.updateMany({ where: { userId: { notIn: [a, b] } }, data: { lastSyncedAt: new Date() } });
    await db.syncJob.updateMany({ where: { userId: { notIn: [a, b] }, phase: { in: ["listing", "details", "finalizing", "paused"] } }, data: { phase: "cancelled" } });

    const report = await runSyncCron({ timeLimitMs: 40_000, stepBudgetMs: 4_000 });
    expect(report.started).toBe(1);
    expect(report.usersAdvanced).toBe(2);
    expect(report.finished).toBe(2);
    expect(await db.syncJob.findUniqueOrThrow({ where: { id: aJob } })).toMatchObject({ phase: "done" });
    expectSameHistory(await fullHistory(a), baseline);
    const bLatest = await db.syncJob.findFirstOrThrow({ where: { userId: b }, orderBy: { startedAt: "desc" } });
    expect(await db.syncJob.count({ where: { userId: b } })).toBe(bJobs + 1);
    expect(bLatest).toMatchObject({ kind: "incremental", phase: "done" });
    expect((await db.pelotonConnection.findUniqueOrThrow({ where: { userId: b } })).lastSyncedAt?.getTime()).toBeGreaterThan(twoDaysAgo.getTime());
    expectSameHistory(await fullHistory(b), baseline);

    // Nothing is due any more: a second run starts nothing.
    expect(await runSyncCron({ timeLimitMs: 10_000, stepBudgetMs: 4_000 })).toMatchObject({ started: 0, steps: 0 });
  });

  it("the cron route wants the bearer secret (401 without or with a wrong one) and is off without CRON_SECRET (503)", async () => {
    const call = (route: { GET: (r: Request) => Promise<Response> }, authorization?: string) =>
      route.GET(new Request("http://localhost/api/cron/sync", { headers: authorization ? { Authorization: authorization } : {} }));
    const route = await import("@/app/api/cron/sync/route");
    expect((await call(route)).status).toBe(401);
    expect((await call(route, `Bearer ${CRON_SECRET}x`)).status).toBe(401);
    expect((await call(route, `Bearer ${CRON_SECRET.slice(1)}`)).status).toBe(401);
    expect((await call(route, CRON_SECRET)).status).toBe(401);
    const ok = await call(route, `Bearer ${CRON_SECRET}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ data: { started: 0, steps: 0 } });

    vi.resetModules();
    delete process.env.CRON_SECRET;
    try {
      const unset = await import("@/app/api/cron/sync/route");
      const res = await call(unset, `Bearer ${CRON_SECRET}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, code: "config.cron_disabled" });
    } finally {
      process.env.CRON_SECRET = CRON_SECRET;
      vi.resetModules();
    }
  });
});
