import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, DEMO_CLIENT, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { withSimulator } from "@/sandbox/shared/vitest-sim";

const database = setupTestDatabase();
let sim: TrainingPeaksSimulator;

withSimulator(async () => (sim = await startTestTrainingPeaks()));

const DENVER = "America/Denver";
const noSleep = async () => undefined;

async function seedUser(opts: { scope?: string; storedScope?: string } = {}) {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const user = await db.user.create({ data: { name: "Demo Athlete" } });
  const tokens = await linkTrainingPeaks(user.id, sim.url, { athleteId: DEMO_ATHLETES.demo.id, timeZone: DENVER, ...opts });
  return { userId: user.id, db, accessToken: tokens.access_token };
}

/** A start time no seeded TrainingPeaks workout is near (a few hours in the past, in the small hours). */
function quietStart(daysAgo: number): Date {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(9, 17, 3, 0); // 02:17 or 03:17 in Denver
  return d;
}

const fileUploads = () => sim.stats.requests.filter((r) => r.method === "POST" && r.path.toLowerCase() === "/v3/file");

// Generous: the call returns as soon as TrainingPeaks reports Success; the deadline only bounds a loaded machine.
async function push(userId: string, workoutId: string, deadlineMs = 30_000) {
  const { pushWorkout } = await import("./push-workout");
  return pushWorkout(userId, workoutId, { trigger: "manual", deadline: Date.now() + deadlineMs, sleep: noSleep });
}

describe(`Send to TrainingPeaks (${database.kind()})`, () => {
  it("uploads a FIT, follows Processing → Success, links the new workout, and never uploads twice", async () => {
    const { userId, db, accessToken } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(3) });
    const view = await push(userId, workoutId);
    expect(view.state).toBe("done");
    expect(view.linkedExisting).toBe(false);
    expect(view.tpWorkoutId).toMatch(/^\d+$/);
    expect(view.tpWorkoutUrl).toContain(`/workout/${view.tpWorkoutId}`);
    const statusPolls = sim.stats.requests.filter((r) => r.path.toLowerCase().startsWith("/v3/status/"));
    expect(statusPolls.length).toBeGreaterThanOrEqual(2); // Processing first, then Success
    const row = await db.trainingPeaksUpload.findUniqueOrThrow({ where: { workoutId } });
    expect(row.fileBytes).toBeGreaterThan(10_000);

    // TrainingPeaks now lists it, with the values it computed from our file.
    const res = await fetch(`${sim.url}/v2/workouts/id/${view.tpWorkoutId}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const tp = (await res.json()) as { WorkoutType: string; TotalTime: number; NormalizedPower: number; StartTime: string };
    expect(tp.WorkoutType).toBe("Bike");
    expect(tp.TotalTime * 3600).toBeCloseTo(1200, -1);
    expect(tp.NormalizedPower).toBeGreaterThan(200);

    expect((await push(userId, workoutId)).state).toBe("done");
    expect(fileUploads()).toHaveLength(1);
  });

  it("links a session TrainingPeaks already has (same start time) instead of uploading", async () => {
    const { userId, db, accessToken } = await seedUser();
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const list = (await (await fetch(`${sim.url}/v2/workouts/${from}/${today}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as {
      Id: number;
      WorkoutType: string;
      StartTime: string | null;
      Completed: boolean;
    }[];
    const ride = list.find((w) => w.WorkoutType === "Bike" && w.Completed && w.StartTime);
    if (!ride?.StartTime) throw new Error("the simulator has no completed ride in the last 30 days");
    const { toLocalDateTime } = await import("@/lib/time/time-zone");
    const guess = Date.parse(`${ride.StartTime}Z`);
    const offset = Date.parse(`${toLocalDateTime(new Date(guess), DENVER)}Z`) - guess;
    const workoutId = await seedSyncedRide(db, userId, { startTime: new Date(guess - offset + 40_000) });
    const view = await push(userId, workoutId);
    expect(view).toMatchObject({ state: "done", linkedExisting: true, tpWorkoutId: String(ride.Id) });
    expect(fileUploads()).toHaveLength(0);
  });

  it("asks for consent when the grant lacks file:write, without calling TrainingPeaks", async () => {
    const scope = DEMO_CLIENT.scopes.filter((s) => s !== "file:write").join(" ");
    const { userId, db } = await seedUser({ scope });
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(4) });
    const view = await push(userId, workoutId);
    expect(view).toMatchObject({ state: "failed", errorCode: "consent_required", canSend: true });
    expect(view.message).toMatch(/permission/i);
    expect(sim.stats.requests.filter((r) => r.path.toLowerCase().startsWith("/v3/"))).toHaveLength(0);
  });

  it("maps TrainingPeaks' own 403 on upload to a consent request", async () => {
    const scope = DEMO_CLIENT.scopes.filter((s) => s !== "file:write").join(" ");
    const { userId, db } = await seedUser({ scope, storedScope: DEMO_CLIENT.scopes.join(" ") });
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(5) });
    expect(await push(userId, workoutId)).toMatchObject({ state: "failed", errorCode: "consent_required" });
  });

  it("reports a 415 as a rejected file, and a later attempt can succeed", async () => {
    const { userId, db } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(6) });
    sim.faults.add({ method: "POST", path: "^/v3/file$", status: 415, body: ["Unsupported file type."], times: 1 });
    const failed = await push(userId, workoutId);
    expect(failed).toMatchObject({ state: "failed", errorCode: "rejected", canSend: true });
    expect(failed.message).toMatch(/file type/i);
    expect((await push(userId, workoutId)).state).toBe("done");
  });

  it("backs off on 429 with the wait TrainingPeaks asked for, losing nothing", async () => {
    const { userId, db } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(7) });
    sim.faults.add({ method: "POST", path: "^/v3/file$", status: 429, retryAfterSeconds: 120, times: 1 });
    const limited = await push(userId, workoutId);
    expect(limited).toMatchObject({ state: "failed", errorCode: "rate_limited" });
    expect(limited.retryAfterSeconds).toBeGreaterThan(100);
    const done = await push(userId, workoutId);
    expect(done.state).toBe("done");
    expect(fileUploads().filter((r) => r.status === 202)).toHaveLength(1);
  });

  it("treats 422 (already uploaded) as success and links", async () => {
    const { userId, db } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(8) });
    sim.faults.add({ method: "POST", path: "^/v3/file$", status: 422, body: ["This file has already been uploaded."], times: 1 });
    const view = await push(userId, workoutId);
    expect(view).toMatchObject({ state: "done", linkedExisting: true });
  });

  it("refuses a workout that was still in progress when synced, uploading nothing", async () => {
    const { userId, db } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(12) });
    await db.workout.update({ where: { id: workoutId }, data: { status: "IN_PROGRESS" } });
    await expect(push(userId, workoutId)).rejects.toMatchObject({ code: "workout.in_progress", status: 409 });
    expect(fileUploads()).toHaveLength(0);
    expect(await db.trainingPeaksUpload.count({ where: { workoutId } })).toBe(0);
  });

  it("uploads once when two sends race", async () => {
    const { userId, db } = await seedUser();
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(9) });
    const views = await Promise.all([push(userId, workoutId), push(userId, workoutId), push(userId, workoutId)]);
    expect(fileUploads()).toHaveLength(1);
    expect(views.some((v) => v.state === "done")).toBe(true);
    expect((await push(userId, workoutId)).state).toBe("done");
  });

  it("auto-send retries an upload that failed on a network error, checking TrainingPeaks first", async () => {
    const { userId, db } = await seedUser();
    const { setAutoSend, enqueueAutoSend, autoSendChunk } = await import("./auto-send");
    await setAutoSend(userId, true);
    await db.user.update({ where: { id: userId }, data: { tpAutoSendSince: new Date(Date.now() - 20 * 86_400_000) } });
    const jobStartedAt = new Date(Date.now() - 1000);
    const workoutId = await seedSyncedRide(db, userId, { startTime: quietStart(13) });
    expect(await enqueueAutoSend(db, userId, jobStartedAt)).toBe(1);
    sim.faults.add({ method: "POST", path: "^/v3/file$", reset: true, times: 1 });
    await autoSendChunk(db, userId, Date.now() + 20_000);
    expect(await db.trainingPeaksUpload.findUniqueOrThrow({ where: { workoutId } })).toMatchObject({ state: "failed", errorCode: "unavailable" });
    expect(await autoSendChunk(db, userId, Date.now() + 20_000)).toBe(false);
    expect(await db.trainingPeaksUpload.findUniqueOrThrow({ where: { workoutId } })).toMatchObject({ state: "done", attempts: 2 });
  });

  it("auto-sends the new rides of an incremental sync, bounded per chunk", async () => {
    const { userId, db } = await seedUser();
    const { setAutoSend, enqueueAutoSend, autoSendChunk, MAX_UPLOADS_PER_STEP } = await import("./auto-send");
    const before = await seedSyncedRide(db, userId, { startTime: quietStart(11) });
    await setAutoSend(userId, true);
    // The setting counts from when it was switched on; pretend that was 10 days ago, after `before` started.
    await db.user.update({ where: { id: userId }, data: { tpAutoSendSince: new Date(Date.now() - 10 * 86_400_000) } });
    const jobStartedAt = new Date(Date.now() - 1000);
    const fresh = [];
    for (let i = 0; i < MAX_UPLOADS_PER_STEP + 1; i++) fresh.push(await seedSyncedRide(db, userId, { startTime: quietStart(i + 1) }));
    expect(await enqueueAutoSend(db, userId, jobStartedAt)).toBe(fresh.length);
    expect(await autoSendChunk(db, userId, Date.now() + 20_000)).toBe(true);
    expect(fileUploads()).toHaveLength(MAX_UPLOADS_PER_STEP);
    expect(await autoSendChunk(db, userId, Date.now() + 20_000)).toBe(false);
    const rows = await db.trainingPeaksUpload.findMany({ where: { userId } });
    expect(rows.map((r) => r.workoutId).sort()).toEqual([...fresh].sort());
    expect(rows.filter((r) => r.state !== "done" || r.trigger !== "auto").map((r) => [r.state, r.trigger, r.errorCode, r.lastError])).toEqual([]);
    expect(rows.some((r) => r.workoutId === before)).toBe(false); // started before the setting: never auto-sent
  });
});
