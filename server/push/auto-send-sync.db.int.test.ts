import { describe, expect, it } from "vitest";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { connectedUser, startSim, syncToEnd } from "@/test/sync-harness";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { startedForFile } from "@/sandbox/shared/vitest-sim";

const database = setupTestDatabase();
let peloton: PelotonSimulator;
let tp: TrainingPeaksSimulator;

startedForFile(async () => (peloton = await startSim()));
startedForFile(async () => (tp = await startTestTrainingPeaks()));

describe(`Auto-send new rides after an incremental sync (${database.kind()})`, () => {
  it("uploads exactly the rides the sync brought in, as the sync's last phase", async () => {
    const member = TEST_MEMBERS.newbie;
    const userId = await connectedUser(member);
    await linkTrainingPeaks(userId, tp.url, { athleteId: DEMO_ATHLETES.demo.id });
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;
    peloton.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20, createdAt: twoDaysAgo });
    const first = await syncToEnd(userId, { kind: "full" });
    expect(first.last?.progress?.phase).toBe("done");

    const { getDb } = await import("@/server/db/client");
    const { setAutoSend } = await import("./auto-send");
    const db = await getDb();
    await setAutoSend(userId, true);
    // As if the setting had been switched on an hour ago, before today's ride.
    await db.user.update({ where: { id: userId }, data: { tpAutoSendSince: new Date(Date.now() - 3_600_000) } });
    const fresh = peloton.addWorkout(member.email, { kind: "power_zone", durationMinutes: 20 });

    const phases: string[] = [];
    const { startSyncJob } = await import("@/server/sync/job");
    const { syncStep } = await import("@/server/sync/service");
    await startSyncJob(db, userId, "incremental");
    for (let i = 0; i < 50; i++) {
      const step = await syncStep(userId, { budgetMs: 8_000 });
      if (step.progress) phases.push(step.progress.phase);
      if (!step.more) break;
    }
    expect(phases.at(-1)).toBe("done");
    const uploads = await db.trainingPeaksUpload.findMany({ where: { userId }, include: { workout: { select: { pelotonWorkoutId: true } } } });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ state: "done", trigger: "auto", workout: { pelotonWorkoutId: fresh } });
    expect(tp.uploads.list()).toHaveLength(1);

    // The next incremental sync finds nothing new and uploads nothing.
    await syncToEnd(userId, { kind: "incremental" });
    expect(tp.uploads.list()).toHaveLength(1);
  }, 120_000);
});
