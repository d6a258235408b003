import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { zonedLocalToUtc } from "@/lib/time/time-zone";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { encodeFit } from "@/server/fit/encode";
import { DEMO_ATHLETES, type SeedAthlete, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";

const database = setupTestDatabase();
let sim: TrainingPeaksSimulator;

beforeAll(async () => {
  sim = await startTestTrainingPeaks();
  // The CLI checks whether an app owns the embedded database; nothing listens here.
  process.env.APP_URL = "http://localhost:9";
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.faults.clear();
});

interface SimWorkout {
  Id: number;
  StartTime: string | null;
  WorkoutType: string;
  Completed: boolean;
  TotalTime: number | null;
  NormalizedPower: number | null;
  Url: string | null;
}

/** A user signed in with TrainingPeaks (real tokens from the simulator); no profile snapshot, so it is fetched live. */
async function seedUser(athlete: SeedAthlete, email: string) {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const user = await db.user.create({ data: { name: athlete.firstName, email } });
  const tokens = await linkTrainingPeaks(user.id, sim.url, { athleteId: athlete.id, withProfile: false });
  return { userId: user.id, token: tokens.access_token, db };
}

/** A completed ride from the simulator's seeded history of the last month (what /v2/workouts lists). */
async function seededRide(token: string): Promise<SimWorkout & { StartTime: string; TotalTime: number }> {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${sim.url}/v2/workouts/${day(30)}/${day(2)}`, { headers: { Authorization: `Bearer ${token}` } });
  const list = (await res.json()) as SimWorkout[];
  const ride = list.find((w) => w.Completed && w.WorkoutType === "Bike" && w.StartTime !== null && (w.TotalTime ?? 0) > 0.5);
  if (!ride?.StartTime || !ride.TotalTime) throw new Error("the simulator has no completed ride in the last month");
  return { ...ride, StartTime: ride.StartTime, TotalTime: ride.TotalTime };
}

function fitAt(start: Date, seconds: number, ftp: number | null): Uint8Array {
  return encodeFit(syntheticRide({ seconds, laps: 4, startTime: start, ftp }));
}

let demo: Awaited<ReturnType<typeof seedUser>>;
let basic: Awaited<ReturnType<typeof seedUser>>;

describe(`compare with TrainingPeaks (${database.kind()})`, () => {
  beforeAll(async () => {
    demo = await seedUser(DEMO_ATHLETES.demo, "demo@autocoach.test");
    basic = await seedUser(DEMO_ATHLETES.basic, "basic@autocoach.test");
  });

  it("matches a FIT file that starts when a seeded TrainingPeaks ride did: Δ 0 s, figures side by side", async () => {
    const { compareFitUpload } = await import("./compare");
    const ride = await seededRide(demo.token);
    const start = zonedLocalToUtc(ride.StartTime, DEMO_ATHLETES.demo.timeZone);
    if (!start) throw new Error(`unreadable StartTime ${ride.StartTime}`);
    const seconds = Math.round(ride.TotalTime * 3600);
    const report = await compareFitUpload(demo.userId, fitAt(start, seconds, 265));
    expect(report.comparison.match).toEqual({ workoutId: String(ride.Id), startTimeDeltaSeconds: 0 });
    expect(report.comparison.trainingpeaks).toMatchObject({ durationSeconds: seconds, normalizedPower: ride.NormalizedPower, ftp: 265 });
    expect(report.comparison.ours).toMatchObject({ durationSeconds: seconds, ftp: 265 });
    expect(report.match).toMatchObject({ url: ride.Url, startTimeLocal: ride.StartTime, type: "Bike" });
    expect(report.trainingPeaks.timeZone).toBe("America/Denver");
    expect(report.rows.find((r) => r.key === "durationSeconds")?.flag).toBe("ok");
    expect(report.ftp).toEqual({ watts: 265, source: "file", label: "from the FIT file" });
    expect(report.notes.map((n) => n.kind)).not.toContain("basic_athlete");
  });

  it("takes the FTP from TrainingPeaks when the file has none, and the user's over both", async () => {
    const { compareFitUpload } = await import("./compare");
    const ride = await seededRide(demo.token);
    const start = zonedLocalToUtc(ride.StartTime, "America/Denver") ?? new Date(0);
    const file = fitAt(start, 1800, null);
    expect((await compareFitUpload(demo.userId, file)).ftp).toEqual({ watts: 265, source: "trainingpeaks", label: "your TrainingPeaks threshold" });
    const mine = await compareFitUpload(demo.userId, file, { ftp: 240 });
    expect(mine.ftp.source).toBe("explicit");
    expect(mine.comparison.ours.ftp).toBe(240);
  });

  it("tolerates a clock a few minutes off, and explains a start too far away", async () => {
    const { compareFitUpload } = await import("./compare");
    const ride = await seededRide(demo.token);
    const start = (zonedLocalToUtc(ride.StartTime, "America/Denver") ?? new Date(0)).getTime();
    const near = await compareFitUpload(demo.userId, fitAt(new Date(start + 200_000), 1800, 265));
    expect(near.comparison.match).toEqual({ workoutId: String(ride.Id), startTimeDeltaSeconds: -200 });
    const far = await compareFitUpload(demo.userId, fitAt(new Date(start + 400_000), 1800, 265));
    expect(far.comparison.match).toBeNull();
    expect(far.trainingPeaks.status).toBe("no_match");
    expect(far.notes.find((n) => n.kind === "no_match")?.message).toContain(`starts 6 min 40 s earlier`);
  });

  it("says TrainingPeaks returned nulls for a basic athlete", async () => {
    const { compareFitUpload } = await import("./compare");
    const ride = await seededRide(basic.token);
    const start = zonedLocalToUtc(ride.StartTime, DEMO_ATHLETES.basic.timeZone) ?? new Date(0);
    const report = await compareFitUpload(basic.userId, fitAt(start, Math.round(ride.TotalTime * 3600), null));
    expect(report.comparison.match).toEqual({ workoutId: String(ride.Id), startTimeDeltaSeconds: 0 });
    expect(report.comparison.trainingpeaks).toMatchObject({ normalizedPower: null, tss: null, intensityFactor: null, avgPower: null, avgHeartRate: null, ftp: 210 });
    expect(report.notes.find((n) => n.kind === "basic_athlete")?.message).toMatch(/basic \(free\) TrainingPeaks athletes get null NP, TSS, IF/);
    expect(report.rows.find((r) => r.key === "normalizedPower")?.flag).toBe("missing_tp");
  });

  it("still returns ours, with the reason, when TrainingPeaks fails", async () => {
    const { compareFitUpload } = await import("./compare");
    sim.faults.add({ path: "^/v2/workouts", status: 503 });
    const report = await compareFitUpload(demo.userId, fitAt(new Date(Date.now() - 86_400_000), 1800, 265));
    expect(report.comparison.trainingpeaks).toBeNull();
    expect(report.comparison.match).toBeNull();
    expect(report.comparison.ours.normalizedPower).toBeGreaterThan(100);
    expect(report.notes[0]).toMatchObject({ kind: "trainingpeaks", tone: "warn", message: expect.stringMatching(/^Couldn't load your TrainingPeaks workouts/) });
  });

  it("works for a user without TrainingPeaks, refuses broken files and stores nothing", async () => {
    const { compareFitUpload } = await import("./compare");
    const loner = await demo.db.user.create({ data: { name: "No TP" } });
    const report = await compareFitUpload(loner.id, fitAt(new Date("2026-05-02T13:12:05Z"), 600, 200));
    expect(report.trainingPeaks.status).toBe("not_connected");
    expect(report.comparison.trainingpeaks).toBeNull();
    const before = await demo.db.workout.count();
    await expect(compareFitUpload(demo.userId, new TextEncoder().encode("not a fit file"))).rejects.toMatchObject({ name: "AppError", code: "fit.not_fit" });
    await expect(compareFitUpload(demo.userId, fitAt(new Date(), 600, 200).subarray(0, 3000))).rejects.toMatchObject({ code: "fit.truncated" });
    expect(await demo.db.workout.count()).toBe(before);
  });

  it("compares a synced Peloton workout, and only the owner's", async () => {
    const { compareSyncedWorkout } = await import("./compare");
    const ride = await seededRide(demo.token);
    const start = zonedLocalToUtc(ride.StartTime, "America/Denver") ?? new Date(0);
    const workoutId = await seedSyncedRide(demo.db, demo.userId, { startTime: start, minutes: 20 });
    const report = await compareSyncedWorkout(demo.userId, workoutId);
    expect(report.comparison.match).toEqual({ workoutId: String(ride.Id), startTimeDeltaSeconds: 0 });
    expect(report.ftp).toMatchObject({ watts: 250, source: "workout" });
    expect(report.comparison.ours).toMatchObject({ durationSeconds: 1200, ftp: 250 });
    await expect(compareSyncedWorkout(basic.userId, workoutId)).rejects.toMatchObject({ code: "workout.not_found", status: 404 });
  });

  it("drives `npm run tp -- compare --user … --json` against the database", async () => {
    const { writeFileSync, mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { main } = await import("@/scripts/tp");
    const ride = await seededRide(demo.token);
    const start = zonedLocalToUtc(ride.StartTime, "America/Denver") ?? new Date(0);
    const dir = mkdtempSync(path.join(tmpdir(), "tp-db-"));
    const file = path.join(dir, "ride.fit");
    writeFileSync(file, fitAt(start, 1800, 265));
    let stdout = "";
    let stderr = "";
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
    try {
      expect(await main(["compare", "--file", file, "--user", "DEMO@autocoach.test", "--json"], io), stderr).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ match: { workoutId: String(ride.Id), startTimeDeltaSeconds: 0 }, trainingpeaks: { ftp: 265 } });
      // Two accounts have TrainingPeaks: without --user the command refuses to guess.
      expect(await main(["compare", "--file", file, "--json"], io)).toBe(2);
      expect(stderr).toContain("choose one with --user <email>");
      expect(await main(["compare", "--file", file, "--user", "nobody@autocoach.test"], io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
