import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { readZip } from "@/test/zip-reader";
import { startedForFile } from "@/sandbox/shared/vitest-sim";
import { getTestDb as db } from "@/test/sync-faults";

/** "Download my data" and "Delete my account" on a real database, TrainingPeaks over HTTP against its simulator. */
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/server/auth", () => ({ auth: async () => session.current }));

const database = setupTestDatabase();
let tp: TrainingPeaksSimulator;

startedForFile(async () => (tp = await startTestTrainingPeaks()));


/** A user with something in every table that can hold a user's data. */
async function fullUser(name: string, athleteId: number) {
  const prisma = await db();
  const userId = (await prisma.user.create({ data: { name, email: `${name}@example.com`, tpAutoSend: true, tpAutoSendSince: new Date("2026-01-01") } })).id;
  await linkTrainingPeaks(userId, tp.url, { athleteId });
  await prisma.session.create({ data: { userId, sessionToken: `session-${name}`, expires: new Date(Date.now() + 86_400_000) } });
  await prisma.pelotonConnection.create({
    data: { userId, pelotonUserId: `peloton-${name}`, username: `${name}_rides`, loginEmail: `${name}@example.com`, profile: { create: { fetchedAt: new Date() } } },
  });
  await prisma.pelotonHistoryAccount.create({ data: { userId, pelotonUserId: `old-${name}`, username: `${name}_old` } });
  const first = await seedSyncedRide(prisma, userId, { startTime: new Date("2026-11-01T07:00:00Z"), pelotonWorkoutId: `${name}-1`, title: "Ride one" });
  await seedSyncedRide(prisma, userId, { startTime: new Date("2026-11-02T07:00:00Z"), pelotonWorkoutId: `${name}-2` });
  await prisma.workout.update({ where: { id: first }, data: { pelotonAccountId: `old-${name}` } });
  await prisma.trainingPeaksUpload.create({ data: { userId, workoutId: first, trigger: "manual", state: "done", tpWorkoutId: "123" } });
  await prisma.workoutAnalytics.create({
    data: { workoutId: first, userId, startTime: new Date("2026-11-01T07:00:00Z"), day: new Date("2026-11-01"), score: 50, scoreMethod: "power", scoredSeconds: 1200, inputsKey: "k" },
  });
  await prisma.thresholdEntry.create({ data: { userId, kind: "ftp", value: 250, effectiveFrom: new Date("2026-10-01"), source: "manual" } });
  await prisma.analyticsSettings.create({ data: { userId } });
  await prisma.analyticsJob.create({ data: { userId } });
  await prisma.syncJob.create({ data: { userId, kind: "full", phase: "details" } });
  return userId;
}

/** Rows per table (every table in the schema, found in the database itself rather than listed by hand). */
async function rowCounts(): Promise<Record<string, number>> {
  const prisma = await db();
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, "")}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

describe(`Download my data (${database.kind()})`, () => {
  it("streams a zip of the user's account and every workout as JSON and FIT, nobody else's, no secrets", async () => {
    const a = await fullUser("anna", DEMO_ATHLETES.demo.id);
    await fullUser("bert", DEMO_ATHLETES.basic.id);
    const { GET } = await import("@/app/api/account/export/route");
    session.current = null;
    expect((await GET(new Request("http://localhost/api/account/export"), { params: Promise.resolve({}) })).status).toBe(401);

    session.current = { user: { id: a } };
    const response = await GET(new Request("http://localhost/api/account/export"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("x-export-workouts")).toBe("2");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="autocoach-export-\d{4}-\d{2}-\d{2}\.zip"/);
    const zip = Buffer.from(await response.arrayBuffer());
    const entries = readZip(zip);
    // File names start with the local start time in the user's zone (here the TrainingPeaks athlete's, America/Denver).
    expect(entries.map((e) => e.name)).toEqual([
      "account.json",
      "workouts/2026-11-01 01-00-anna-1.json",
      "workouts/2026-11-01 01-00-anna-1.fit",
      "workouts/2026-11-02 00-00-anna-2.json",
      "workouts/2026-11-02 00-00-anna-2.fit",
    ]);
    const account = JSON.parse(entries[0]!.data.toString("utf8"));
    expect(account).toMatchObject({ format: "autocoach-export/1", user: { name: "anna" }, peloton: { username: "anna_rides" }, thresholds: [{ kind: "ftp", value: 250 }] });
    const ride = JSON.parse(entries[1]!.data.toString("utf8"));
    expect(ride).toMatchObject({ pelotonWorkoutId: "anna-1", title: "Ride one", pelotonAccountId: "old-anna", otherAccount: { username: "anna_old" }, trainingPeaksUpload: { state: "done" } });
    expect(ride.series.length).toBe(1200);
    const { decodeFit } = await import("@/server/fit/decode");
    const activity = decodeFit(new Uint8Array(entries[2]!.data));
    expect(activity.startTime.toISOString()).toBe("2026-11-01T07:00:00.000Z");
    const text = zip.toString("latin1");
    expect(text).not.toContain("bert");
    expect(text).not.toContain("sealed:v1:");
  });
});

describe(`Delete my account (${database.kind()})`, () => {
  it("every table holding a user's data references User with onDelete: Cascade", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
    const withUser = models.filter(([, , body]) => /^\s+userId\s/m.test(body!));
    expect(withUser.length).toBeGreaterThan(10);
    for (const [, name, body] of withUser) {
      expect({ name, cascades: /user\s+User\s+@relation\(fields: \[userId\], references: \[id\], onDelete: Cascade\)/.test(body!) }).toEqual({ name, cascades: true });
    }
  });

  it("removes every row of the user, revokes TrainingPeaks access, and leaves other users alone", async () => {
    const prisma = await db();
    const keep = await fullUser("carl", DEMO_ATHLETES.basic.id);
    const before = await rowCounts();
    const doomed = await fullUser("dora", DEMO_ATHLETES.climber.id);
    const account = await prisma.account.findFirstOrThrow({ where: { userId: doomed } });
    const { open } = await import("@/server/crypto");
    const { tokenContext } = await import("@/server/providers/trainingpeaks/auth/config");
    const accessToken = open(account.access_token!, tokenContext(account.providerAccountId, "access_token"));
    expect((await fetch(new URL("/v1/athlete/profile", tp.url), { headers: { Authorization: `Bearer ${accessToken}` } })).status).toBe(200);

    const { deleteAccount } = await import("./delete-account");
    expect(await deleteAccount(doomed)).toEqual({ revokedAtTrainingPeaks: true });
    expect(await rowCounts()).toEqual(before);
    expect(await prisma.user.findUnique({ where: { id: doomed } })).toBeNull();
    expect((await fetch(new URL("/v1/athlete/profile", tp.url), { headers: { Authorization: `Bearer ${accessToken}` } })).status).toBe(401);
    expect(await prisma.workout.count({ where: { userId: keep } })).toBe(2);
  });

  it("the action wants the typed confirmation: a wrong one deletes nothing", async () => {
    const prisma = await db();
    const userId = (await prisma.user.create({ data: { name: "Eve" } })).id;
    session.current = { user: { id: userId } };
    const { deleteAccountAction } = await import("@/actions/account");
    const form = new FormData();
    form.set("confirmation", "delete");
    const result = await deleteAccountAction(null, form);
    expect(result).toMatchObject({ ok: false, code: "account.confirmation_mismatch", fields: { confirmation: expect.any(String) } });
    expect(await prisma.user.findUnique({ where: { id: userId } })).not.toBeNull();
  });
});
