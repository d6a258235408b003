import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { startedForFile } from "@/sandbox/shared/vitest-sim";
import { getTestDb as db } from "@/test/sync-faults";

/** Disconnecting or revoking TrainingPeaks stops "Auto-send new rides" and the uploads it had waiting. */
const database = setupTestDatabase();
let tp: TrainingPeaksSimulator;

startedForFile(async () => (tp = await startTestTrainingPeaks()));


/** A user with auto-send on since yesterday, linked to `athleteId`, and two fresh rides that a sync just brought in. */
async function autoSender(athleteId: number) {
  const prisma = await db();
  const userId = (await prisma.user.create({ data: { name: "Rider", tpAutoSend: true, tpAutoSendSince: new Date(Date.now() - 86_400_000) } })).id;
  await linkTrainingPeaks(userId, tp.url, { athleteId });
  const jobStartedAt = new Date(Date.now() - 1000);
  const started = Date.now() - 3_600_000;
  const rides = [
    await seedSyncedRide(prisma, userId, { startTime: new Date(started) }),
    await seedSyncedRide(prisma, userId, { startTime: new Date(started + 1_800_000) }),
  ];
  return { userId, jobStartedAt, rides };
}

const uploadsOf = async (userId: string) =>
  (await (await db()).trainingPeaksUpload.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((u) => ({ state: u.state, errorCode: u.errorCode }));

describe(`Auto-send stops with TrainingPeaks access (${database.kind()})`, () => {
  it("a grant marked for reconnect: nothing is queued or sent, and waiting uploads end with a clear reason", async () => {
    const { enqueueAutoSend, autoSendChunk } = await import("./auto-send");
    const prisma = await db();
    const { userId, jobStartedAt, rides } = await autoSender(DEMO_ATHLETES.demo.id);
    await prisma.trainingPeaksUpload.create({ data: { userId, workoutId: rides[0]!, trigger: "auto" } });
    await prisma.account.updateMany({ where: { userId }, data: { status: "reauth_required" } });

    expect(await enqueueAutoSend(prisma, userId, jobStartedAt)).toBe(0);
    expect(await autoSendChunk(prisma, userId, Date.now() + 8_000)).toBe(false);
    expect(await uploadsOf(userId)).toEqual([{ state: "failed", errorCode: "reconnect_required" }]);
    const row = await prisma.trainingPeaksUpload.findFirstOrThrow({ where: { userId } });
    expect(row.lastError).toMatch(/Reconnect TrainingPeaks/);
    expect(tp.uploads.list()).toHaveLength(0);
    // A revoked grant pauses auto-send; the user's choice stays for when they reconnect.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).tpAutoSend).toBe(true);
  });

  it("a grant revoked at TrainingPeaks is found by the first upload, and the rest stop instead of retrying later", async () => {
    const { enqueueAutoSend, autoSendChunk } = await import("./auto-send");
    const prisma = await db();
    const { userId, jobStartedAt } = await autoSender(DEMO_ATHLETES.climber.id);
    expect(await enqueueAutoSend(prisma, userId, jobStartedAt)).toBe(2);
    tp.revokeGrants(DEMO_ATHLETES.climber.id);
    expect(await autoSendChunk(prisma, userId, Date.now() + 8_000)).toBe(false);
    expect(await uploadsOf(userId)).toEqual([
      { state: "failed", errorCode: "reconnect_required" },
      { state: "failed", errorCode: "reconnect_required" },
    ]);
    expect((await prisma.account.findFirstOrThrow({ where: { userId } })).status).toBe("reauth_required");
    expect(tp.uploads.list()).toHaveLength(0);
  });

  it("disconnecting TrainingPeaks switches auto-send off and stops its waiting uploads", async () => {
    const { disconnectTrainingPeaks } = await import("@/server/accounts/trainingpeaks");
    const { enqueueAutoSend } = await import("./auto-send");
    const prisma = await db();
    const { userId, jobStartedAt } = await autoSender(DEMO_ATHLETES.basic.id);
    expect(await enqueueAutoSend(prisma, userId, jobStartedAt)).toBe(2);
    expect(await disconnectTrainingPeaks(userId)).toEqual({ revokedAtTrainingPeaks: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).tpAutoSend).toBe(false);
    expect(await uploadsOf(userId)).toEqual([
      { state: "failed", errorCode: "reconnect_required" },
      { state: "failed", errorCode: "reconnect_required" },
    ]);
    expect(await enqueueAutoSend(prisma, userId, jobStartedAt)).toBe(0);
  });
});
