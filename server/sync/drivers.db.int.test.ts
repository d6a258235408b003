import { describe, expect, it } from "vitest";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { getTestDb, sleep } from "@/test/sync-faults";
import { connectedUser, startSim, syncToEnd } from "@/test/sync-harness";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { continueSync } from "./background";
import { startSyncJob } from "./job";
import { advanceRunnable, runSyncCron } from "./schedule";
import { startSync, syncStep } from "./service";
import { startedForFile } from "@/sandbox/shared/vitest-sim";

/**
 * Every driver runs the same service: a sync started by the schedule auto-sends and runs its upload phase to the end
 * exactly like one started from the browser (and continued on the server with no page open); the schedule advances
 * users in a bounded pool; two drivers at once never run one user's step twice.
 */
const database = setupTestDatabase();
let peloton: PelotonSimulator;
let tp: TrainingPeaksSimulator;

startedForFile(async () => (peloton = await startSim()));
startedForFile(async () => (tp = await startTestTrainingPeaks()));

/** While `work` runs, sample how many of these users' jobs hold a live step lease at once. */
async function maxConcurrentLeases(userIds: string[], work: Promise<unknown>): Promise<number> {
  const db = await getTestDb();
  let max = 0;
  let finished = false;
  const done = () => {
    finished = true;
  };
  work.then(done, done);
  while (!finished) {
    const held = await db.syncJob.count({ where: { userId: { in: userIds }, leaseExpiresAt: { gt: new Date() } } });
    max = Math.max(max, held);
    await sleep(10);
  }
  await work;
  return max;
}

/** Peloton requests per workout for its 1-second samples: exactly one each when no step ran twice. */
function graphFetchesPerWorkout(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of peloton.stats.requests) {
    const id = /^\/api\/workout\/([^/]+)\/performance_graph/.exec(r.path)?.[1];
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe(`one sync service for every driver (${database.kind()})`, () => {
  it("a sync the schedule drives auto-sends new rides and runs the upload phase to its end, exactly like one started from the browser", async () => {
    const member = TEST_MEMBERS.newbie;
    const db = await getTestDb();
    const { setAutoSend } = await import("@/server/push/auto-send");
    const browserUser = await connectedUser(member);
    const scheduledUser = await connectedUser(member);
    await linkTrainingPeaks(browserUser, tp.url, { athleteId: DEMO_ATHLETES.demo.id });
    await linkTrainingPeaks(scheduledUser, tp.url, { athleteId: DEMO_ATHLETES.climber.id });
    // A ride two days ago: both users have a history, so the schedule's daily sync is an incremental one.
    peloton.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20, createdAt: Math.floor(Date.now() / 1000) - 2 * 86_400 });
    for (const userId of [browserUser, scheduledUser]) {
      expect((await syncToEnd(userId, { kind: "full" })).last?.progress?.phase).toBe("done");
      await setAutoSend(userId, true);
      await db.user.update({ where: { id: userId }, data: { tpAutoSendSince: new Date(Date.now() - 3_600_000) } });
    }
    const fresh = peloton.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20 });
    // The browser starts its sync (the action kicks the continuation); the schedule finds the other one due.
    await db.pelotonConnection.update({ where: { userId: scheduledUser }, data: { lastSyncedAt: new Date(Date.now() - 2 * 86_400_000) } });
    await startSync(browserUser, "incremental");
    expect(await continueSync(browserUser)).toMatchObject({ stopped: "idle" });
    const report = await runSyncCron({ timeLimitMs: 60_000 });
    expect(report).toMatchObject({ started: 1, usersAdvanced: 1, finished: 1 });

    for (const [userId, athleteId] of [
      [browserUser, DEMO_ATHLETES.demo.id],
      [scheduledUser, DEMO_ATHLETES.climber.id],
    ] as const) {
      const job = await db.syncJob.findFirstOrThrow({ where: { userId }, orderBy: { startedAt: "desc" } });
      expect(job).toMatchObject({ kind: "incremental", phase: "done", leaseHolder: null });
      const uploads = await db.trainingPeaksUpload.findMany({ where: { userId }, include: { workout: { select: { pelotonWorkoutId: true } } } });
      expect(uploads.map((u) => ({ state: u.state, trigger: u.trigger, id: u.workout.pelotonWorkoutId }))).toEqual([{ state: "done", trigger: "auto", id: fresh }]);
      expect(tp.uploads.list().filter((u) => u.athleteId === athleteId)).toHaveLength(1);
    }
  }, 180_000);

  it("the schedule advances several users at once, never more than its pool", async () => {
    const db = await getTestDb();
    const users = [await connectedUser(TEST_MEMBERS.other), await connectedUser(TEST_MEMBERS.other), await connectedUser(TEST_MEMBERS.other)];
    // Nobody else is the schedule's business in this test.
    await db.syncJob.updateMany({ where: { userId: { notIn: users }, phase: { notIn: ["done", "cancelled", "failed"] } }, data: { phase: "cancelled" } });
    for (const userId of users) await startSyncJob(db, userId, "full");
    // A pool of one for about one step: one lease at a time (and most of the work left for the pooled run).
    const one = await maxConcurrentLeases(users, advanceRunnable({ timeLimitMs: 3_000, poolSize: 1, stepBudgetMs: 2_500 }));
    expect(one).toBe(1);
    // On a fast database the pool of one may already have finished a user in its one step.
    const unfinished = await db.syncJob.count({ where: { userId: { in: users }, phase: { notIn: ["done", "cancelled", "failed"] } } });
    expect(unfinished).toBeGreaterThan(1);
    const pooled = advanceRunnable({ timeLimitMs: 120_000, poolSize: 3, stepBudgetMs: 2_500 });
    expect(await maxConcurrentLeases(users, pooled)).toBeGreaterThan(1);
    expect(await pooled).toMatchObject({ usersAdvanced: unfinished, finished: unfinished });
    for (const userId of users) {
      expect(await db.syncJob.findFirstOrThrow({ where: { userId }, orderBy: { startedAt: "desc" } })).toMatchObject({ phase: "done", failedCount: 0 });
      expect(await db.workout.count({ where: { userId, syncState: "complete" } })).toBe(48);
    }
  }, 180_000);

  it("a continuation runs a started sync to its end with no page open; two drivers at once never run a step twice", async () => {
    const db = await getTestDb();
    const userId = await connectedUser(TEST_MEMBERS.other);
    await startSync(userId, "full");
    peloton.stats.requests.length = 0;
    // This process's continuation, a second kick in the same process, and another "instance" stepping the same user.
    const continuation = continueSync(userId);
    expect(await continueSync(userId)).toEqual({ steps: 0, stopped: "already_driving" });
    const otherInstance = (async () => {
      let busy = 0;
      for (let i = 0; i < 200; i++) {
        const r = await syncStep(userId, { budgetMs: 2_500 });
        if (r.busy) busy += 1;
        else if (!r.more) return busy;
        await sleep(5);
      }
      throw new Error("the other instance never saw the job finish");
    })();
    const [first, otherBusy] = await Promise.all([continuation, otherInstance]);
    expect(first.steps + otherBusy).toBeGreaterThan(0);
    expect(await db.syncJob.findFirstOrThrow({ where: { userId }, orderBy: { startedAt: "desc" } })).toMatchObject({ phase: "done" });
    const fetched = graphFetchesPerWorkout();
    expect(await db.workout.count({ where: { userId, syncState: "complete" } })).toBe(48);
    expect([...fetched.values()].filter((n) => n !== 1), "workouts fetched more than once").toEqual([]);
    expect(fetched.size).toBeGreaterThan(40);
  }, 180_000);
});
