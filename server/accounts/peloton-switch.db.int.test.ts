import { describe, expect, it } from "vitest";
import { DEMO_MEMBER, TEST_MEMBERS } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { withSimulator } from "@/sandbox/shared/vitest-sim";
import { freeAllPelotonAccounts, startSim } from "@/test/sync-harness";

/** Switching Peloton accounts never merges histories; one Peloton account belongs to one user; disconnect can delete. */
const database = setupTestDatabase();

withSimulator(startSim, freeAllPelotonAccounts);

async function db() {
  const { getDb } = await import("@/server/db/client");
  return getDb();
}

/** A user connected to the demo member with two synced rides (one still pending) and a running sync. */
async function riderWithDemoHistory() {
  const { connectPeloton } = await import("./peloton");
  const prisma = await db();
  const userId = (await prisma.user.create({ data: { name: "Rider" } })).id;
  await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: false });
  await seedSyncedRide(prisma, userId, { startTime: new Date("2026-11-01T07:00:00Z"), pelotonWorkoutId: "demo-1" });
  await seedSyncedRide(prisma, userId, { startTime: new Date("2026-11-02T07:00:00Z"), pelotonWorkoutId: "demo-2" });
  await prisma.workout.update({ where: { userId_pelotonWorkoutId: { userId, pelotonWorkoutId: "demo-2" } }, data: { syncState: "pending" } });
  await prisma.syncJob.create({ data: { userId, kind: "full", phase: "details" } });
  return userId;
}

const other = { ...TEST_MEMBERS.other, rememberPassword: false };

describe(`Peloton accounts and their history (${database.kind()})`, () => {
  it("a different account without a choice is refused and changes nothing", async () => {
    const { connectPeloton } = await import("./peloton");
    const userId = await riderWithDemoHistory();
    await expect(connectPeloton(userId, other)).rejects.toMatchObject({ code: "peloton.history_choice_required" });
    const prisma = await db();
    expect((await prisma.pelotonConnection.findUniqueOrThrow({ where: { userId } })).pelotonUserId).toBe(DEMO_MEMBER.userId);
    expect(await prisma.workout.count({ where: { userId, pelotonAccountId: null } })).toBe(2);
  });

  it("keep: the old workouts stay, labelled with their account, are no longer synced, and the old sync is cancelled", async () => {
    const { connectPeloton } = await import("./peloton");
    const { listOtherAccountHistory } = await import("@/server/queries/peloton-history");
    const { startSyncJob } = await import("@/server/sync/job");
    const userId = await riderWithDemoHistory();
    await connectPeloton(userId, { ...other, history: "keep" });
    const prisma = await db();
    const kept = await prisma.workout.findMany({ where: { userId }, orderBy: { pelotonWorkoutId: "asc" } });
    expect(kept.map((w) => [w.pelotonWorkoutId, w.pelotonAccountId, w.syncState])).toEqual([
      ["demo-1", DEMO_MEMBER.userId, "complete"],
      ["demo-2", DEMO_MEMBER.userId, "failed"],
    ]);
    // The old account's sync (its cursor, its "up to date") is gone: the new account starts from scratch.
    expect(await prisma.syncJob.count({ where: { userId } })).toBe(0);
    expect(await listOtherAccountHistory(userId)).toEqual([{ pelotonUserId: DEMO_MEMBER.userId, username: DEMO_MEMBER.username, workouts: 2 }]);
    // A new sync does not try to fetch the other account's unfinished workout with this account's sign-in.
    await startSyncJob(prisma, userId, "full");
    expect((await prisma.workout.findFirstOrThrow({ where: { userId, pelotonWorkoutId: "demo-2" } })).syncState).toBe("failed");

    // Back to the first account: its workouts are the connected history again, unlabelled.
    await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: false });
    expect(await prisma.workout.count({ where: { userId, pelotonAccountId: null } })).toBe(2);
    expect(await listOtherAccountHistory(userId)).toEqual([]);
  });

  it("delete: the old account's workouts, scores and Peloton FTP history are removed", async () => {
    const { connectPeloton } = await import("./peloton");
    const userId = await riderWithDemoHistory();
    const prisma = await db();
    await prisma.thresholdEntry.create({ data: { userId, kind: "ftp", value: 250, effectiveFrom: new Date("2026-11-01"), source: "peloton" } });
    await prisma.thresholdEntry.create({ data: { userId, kind: "ftp", value: 240, effectiveFrom: new Date("2026-10-01"), source: "manual" } });
    const seriesBefore = await prisma.workoutSeries.count();
    await connectPeloton(userId, { ...other, history: "delete" });
    expect(await prisma.workout.count({ where: { userId } })).toBe(0);
    expect(await prisma.workoutSeries.count()).toBe(seriesBefore - 2);
    expect((await prisma.thresholdEntry.findMany({ where: { userId } })).map((t) => t.source)).toEqual(["manual"]);
    expect((await prisma.pelotonConnection.findUniqueOrThrow({ where: { userId } })).pelotonUserId).toBe(TEST_MEMBERS.other.userId);
  });

  it("a different account with nothing synced yet needs no choice, and starts without the old account's sync", async () => {
    const { connectPeloton } = await import("./peloton");
    const prisma = await db();
    const userId = (await prisma.user.create({ data: { name: "Fresh" } })).id;
    await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: false });
    await prisma.syncJob.create({ data: { userId, kind: "full", phase: "done" } });
    await connectPeloton(userId, other);
    expect(await prisma.syncJob.count({ where: { userId } })).toBe(0);
  });

  it("reconnecting the same account needs no choice and keeps the history as it is", async () => {
    const { connectPeloton } = await import("./peloton");
    const userId = await riderWithDemoHistory();
    await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: false });
    expect(await (await db()).workout.count({ where: { userId, pelotonAccountId: null } })).toBe(2);
  });

  it("one Peloton account belongs to one AutoCoach user: a second user gets a clear message and nothing is stored", async () => {
    const { connectPeloton } = await import("./peloton");
    const first = await riderWithDemoHistory();
    const prisma = await db();
    const second = (await prisma.user.create({ data: { name: "Someone else" } })).id;
    await expect(connectPeloton(second, { ...DEMO_MEMBER, rememberPassword: false })).rejects.toMatchObject({
      code: "peloton.account_in_use",
      message: expect.stringMatching(/another AutoCoach user/),
    });
    expect(await prisma.pelotonConnection.findUnique({ where: { userId: second } })).toBeNull();
    // Once the first user lets go, the account is free.
    const { disconnectPeloton } = await import("./peloton");
    await disconnectPeloton(first);
    await connectPeloton(second, { ...DEMO_MEMBER, rememberPassword: false });
    expect((await prisma.pelotonConnection.findUniqueOrThrow({ where: { userId: second } })).status).toBe("active");
  });

  it("disconnect keeps the workouts labelled by default, or deletes them (and stops the sync) when asked", async () => {
    const { disconnectPeloton } = await import("./peloton");
    const prisma = await db();
    const keeper = await riderWithDemoHistory();
    expect(await disconnectPeloton(keeper)).toEqual({ deleted: true, workoutsDeleted: 0 });
    expect(await prisma.workout.count({ where: { userId: keeper, pelotonAccountId: DEMO_MEMBER.userId } })).toBe(2);

    const deleter = await riderWithDemoHistory();
    expect(await disconnectPeloton(deleter, { deleteWorkouts: true })).toEqual({ deleted: true, workoutsDeleted: 2 });
    expect(await prisma.workout.count({ where: { userId: deleter } })).toBe(0);
    expect(await prisma.syncJob.count({ where: { userId: deleter, phase: "cancelled" } })).toBe(1);
    // The other user's history is untouched.
    expect(await prisma.workout.count({ where: { userId: keeper } })).toBe(2);
  });
});
