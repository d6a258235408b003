import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { connectedUser, startSim, syncToEnd } from "@/test/sync-harness";

const database = setupTestDatabase();
// Started before any test reads the environment (the app reads it once).
let sim: PelotonSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => sim?.close());

async function db() {
  const { getDb } = await import("@/server/db/client");
  return getDb();
}

async function newUser(name: string): Promise<string> {
  return (await (await db()).user.create({ data: { name } })).id;
}

async function runJob(userId: string) {
  const { runAnalyticsUntilIdle } = await import("./job");
  return runAnalyticsUntilIdle(await db(), userId, { timeLimitMs: 60_000 });
}

async function scores(userId: string) {
  const rows = await (await db()).workoutAnalytics.findMany({ where: { userId }, orderBy: { startTime: "asc" } });
  return rows.map((r) => ({ id: r.workoutId, day: r.day.toISOString().slice(0, 10), score: r.score, method: r.scoreMethod, threshold: r.thresholdValue, bytes: r.powerCurve?.byteLength ?? 0, computedAt: r.computedAt }));
}

describe(`analytics job (${database.kind()})`, () => {
  it("backfills a score and a power curve for every workout, then rescores only the rides a new FTP affects", async () => {
    const d = await db();
    const userId = await newUser("backfill");
    const early = await seedSyncedRide(d, userId, { startTime: new Date("2026-01-05T12:00:00Z") });
    const late = await seedSyncedRide(d, userId, { startTime: new Date("2026-03-05T12:00:00Z") });
    await d.workout.create({
      data: { userId, pelotonWorkoutId: "strength-1", status: "COMPLETE", discipline: "strength", title: "20 min Core", startTime: new Date("2026-02-01T12:00:00Z"), durationSeconds: 1800, syncState: "complete" },
    });
    const { requestAnalytics } = await import("./job");
    await requestAnalytics(d, userId, "test");
    expect(await runJob(userId)).toBe(3);

    const first = await scores(userId);
    expect(first.map((s) => s.method)).toEqual(["power", "estimate", "power"]);
    expect(first[1]?.score).toBeCloseTo(20, 9);
    expect(first.filter((s) => s.method === "power").every((s) => s.threshold === 250 && s.bytes > 0 && s.bytes <= 1024)).toBe(true);
    const job = await d.analyticsJob.findUniqueOrThrow({ where: { userId } });
    expect(job).toMatchObject({ state: "idle", done: 3, total: 3 });

    // Nothing changed: a new pass touches nothing.
    await requestAnalytics(d, userId, "again");
    expect(await runJob(userId)).toBe(0);

    // Your own FTP of 200 W from February on, and the FTP source set to manual: only the March ride is rescored.
    const { saveOwnThreshold } = await import("./thresholds");
    await saveOwnThreshold(d, userId, { kind: "ftp", value: 200, effectiveFrom: "2026-02-15" });
    await d.analyticsSettings.create({ data: { userId, ftpSource: "manual", timeZone: "UTC" } });
    await requestAnalytics(d, userId, "thresholds");
    expect(await runJob(userId)).toBe(1);
    const second = await scores(userId);
    const before = first.find((s) => s.id === late);
    const after = second.find((s) => s.id === late);
    expect(after?.threshold).toBe(200);
    expect(after?.score).toBeCloseTo((before?.score ?? 0) * (250 / 200) ** 2, 6);
    expect(second.find((s) => s.id === early)).toEqual(first.find((s) => s.id === early));
    expect((await d.workout.findUniqueOrThrow({ where: { id: late } })).rankTss).toBeCloseTo(after?.score ?? 0, 9);
  }, 60_000);

  it("notes TrainingPeaks' thresholds as dated values and scores a ride without FTP from heart rate", async () => {
    const d = await db();
    const userId = await newUser("tp");
    const ride = await seedSyncedRide(d, userId, { startTime: new Date("2026-02-10T12:00:00Z") });
    await d.workout.update({ where: { id: ride }, data: { ftp: null } });
    await d.trainingPeaksProfile.create({
      data: { userId, athleteId: "1", timeZone: "America/Denver", thresholdHr: 168, maxHr: 188, restingHr: 48, runThresholdSpeed: 3.7, fetchedAt: new Date("2026-03-01T12:00:00Z") },
    });
    const { requestAnalytics } = await import("./job");
    await requestAnalytics(d, userId, "test");
    await runJob(userId);
    const entries = await d.thresholdEntry.findMany({ where: { userId }, orderBy: { kind: "asc" } });
    expect(entries.map((e) => [e.kind, e.value, e.source, e.effectiveFrom.toISOString().slice(0, 10)])).toEqual([
      ["threshold_hr", 168, "trainingpeaks", "2026-03-01"],
      ["max_hr", 188, "trainingpeaks", "2026-03-01"],
      ["resting_hr", 48, "trainingpeaks", "2026-03-01"],
      ["run_pace", 3.7, "trainingpeaks", "2026-03-01"],
    ]);
    const [score] = await scores(userId);
    expect(score).toMatchObject({ method: "heart_rate", threshold: 168 });
  }, 60_000);

  it("one step at a time per user: a second driver finds the lease taken", async () => {
    const d = await db();
    const userId = await newUser("lease");
    for (let i = 0; i < 3; i++) await seedSyncedRide(d, userId, { startTime: new Date(Date.UTC(2026, 0, 10 + i, 12)) });
    const { requestAnalytics, runAnalyticsStep } = await import("./job");
    await requestAnalytics(d, userId, "test");
    const [a, b] = await Promise.all([runAnalyticsStep(d, userId), runAnalyticsStep(d, userId)]);
    expect([a.busy, b.busy].sort()).toEqual([false, true]);
    expect(a.processed + b.processed).toBe(3);
  }, 60_000);
});

/**
 * The sync scores workouts from what it fetched, before writing them; the job scores from the stored rows. Wherever the
 * thresholds are the same (the same inputs key: the sync ran before Peloton's profile was read), every stored figure
 * must be exactly what the job computes, and the history's TSS sort key must follow the score.
 */
async function expectSameAsRecomputed(userId: string) {
  const d = await db();
  const { readScoringContext } = await import("@/server/queries/analytics-settings");
  const { readAnalysisInputs } = await import("@/server/queries/workout-analysis-input");
  const { analyticsColumns, computeAnalytics } = await import("./compute");
  const stored = await d.workoutAnalytics.findMany({ where: { userId }, include: { workout: { select: { rankTss: true } } } });
  const ctx = await readScoringContext(d, userId);
  const inputs = new Map((await readAnalysisInputs(d, userId, stored.map((s) => s.workoutId))).map((i) => [i.id, i]));
  let compared = 0;
  for (const row of stored) {
    const input = inputs.get(row.workoutId);
    if (!input) throw new Error(`no input for ${row.workoutId}`);
    const again = computeAnalytics(input, ctx);
    expect(row.workout.rankTss).toBe(row.score);
    if (again.inputsKey !== row.inputsKey) continue;
    compared += 1;
    const { powerCurve, speedCurve, ...figures } = analyticsColumns(again);
    expect({ day: row.day.toISOString().slice(0, 10), ...figures }).toEqual({
      day: again.day, score: row.score, scoreMethod: row.scoreMethod, intensity: row.intensity, thresholdKind: row.thresholdKind,
      thresholdValue: row.thresholdValue, thresholdSource: row.thresholdSource, perHour: row.perHour, scoredSeconds: row.scoredSeconds,
      inputsKey: row.inputsKey, compliance: row.compliance, curveVersion: row.curveVersion,
    });
    expect(row.powerCurve ? [...row.powerCurve] : null).toEqual(powerCurve ? [...powerCurve] : null);
    expect(row.speedCurve ? [...row.speedCurve] : null).toEqual(speedCurve ? [...speedCurve] : null);
  }
  expect(compared).toBeGreaterThan(stored.length / 2);
}

describe(`analytics during a sync (${database.kind()})`, () => {
  it("every synced workout is scored as it is saved; the sync leaves the job queued for Peloton's FTP history", async () => {
    const userId = await connectedUser({ email: "other.rider@example.com", password: "other-rider-pass" });
    const { last } = await syncToEnd(userId);
    expect(last?.progress?.phase).toBe("done");
    const d = await db();
    const complete = await d.workout.count({ where: { userId, syncState: "complete" } });
    expect(complete).toBeGreaterThan(40);
    expect(await d.workoutAnalytics.count({ where: { userId } })).toBe(complete);
    const rides = await d.workoutAnalytics.findMany({
      where: { userId, workout: { discipline: "cycling" } },
      select: { scoreMethod: true, powerCurve: true, workout: { select: { series: { select: { channels: true } } } } },
    });
    // Rides recorded with power are power-scored with a curve; a class taken without a bike (no output channel) is not.
    const withPower = rides.filter((r) => r.workout.series?.channels.includes("output"));
    expect(withPower.length).toBeGreaterThan(5);
    expect(withPower.every((r) => r.scoreMethod === "power" && r.powerCurve !== null)).toBe(true);
    expect(rides.filter((r) => !withPower.includes(r)).every((r) => r.scoreMethod !== "power" && r.powerCurve === null)).toBe(true);
    expect((await d.analyticsJob.findUniqueOrThrow({ where: { userId } })).state).toBe("pending");
    await expectSameAsRecomputed(userId);
    await runJob(userId);
    const ftps = await d.thresholdEntry.findMany({ where: { userId, kind: "ftp", source: "peloton" } });
    expect(ftps.length).toBeGreaterThan(0);
    expect(ftps.every((f) => f.workoutId !== null)).toBe(true);
  }, 180_000);
});
