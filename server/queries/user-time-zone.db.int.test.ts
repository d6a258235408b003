import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";

const database = setupTestDatabase();

describe(`case 11: one time zone per user for every time shown or written (${database.kind()})`, () => {
  it("is the TrainingPeaks athlete's zone, else the latest Peloton workout's, else UTC", async () => {
    const { getDb } = await import("@/server/db/client");
    const { getUserTimeZone } = await import("./user-time-zone");
    const db = await getDb();
    const user = await db.user.create({ data: { name: "Zones" } });
    expect(await getUserTimeZone(user.id)).toEqual({ timeZone: "UTC", source: "utc" });

    const older = await seedSyncedRide(db, user.id, { startTime: new Date("2026-04-01T10:00:00Z") });
    const newer = await seedSyncedRide(db, user.id, { startTime: new Date("2026-05-01T10:00:00Z") });
    await db.workout.update({ where: { id: older }, data: { timezone: "Europe/Berlin" } });
    await db.workout.update({ where: { id: newer }, data: { timezone: "America/Los_Angeles" } });
    expect(await getUserTimeZone(user.id)).toEqual({ timeZone: "America/Los_Angeles", source: "peloton" });

    await db.trainingPeaksProfile.create({ data: { userId: user.id, athleteId: "4100123", timeZone: "Mars/Olympus", fetchedAt: new Date() } });
    expect((await getUserTimeZone(user.id)).timeZone).toBe("America/Los_Angeles");
    await db.trainingPeaksProfile.update({ where: { userId: user.id }, data: { timeZone: "America/Denver" } });
    expect(await getUserTimeZone(user.id)).toEqual({ timeZone: "America/Denver", source: "trainingpeaks" });

    // the zone chosen in Settings wins, so every page shows the one zone the user asked for
    await db.analyticsSettings.create({ data: { userId: user.id, timeZone: "Asia/Tokyo" } });
    expect(await getUserTimeZone(user.id)).toEqual({ timeZone: "Asia/Tokyo", source: "settings" });
  });

  it("is the zone the history and the dashboard show starts in, whatever zone the ride was in", async () => {
    const { getDb } = await import("@/server/db/client");
    const { listWorkoutHistory } = await import("./workouts");
    const { historyFiltersSchema } = await import("@/lib/domain/workout-history");
    const { getRecentWorkouts } = await import("./dashboard");
    const db = await getDb();
    const user = await db.user.create({ data: { name: "Traveller" } });
    const id = await seedSyncedRide(db, user.id, { startTime: new Date("2026-05-01T10:00:00Z") });
    await db.workout.update({ where: { id }, data: { timezone: "Asia/Tokyo" } });
    await db.trainingPeaksProfile.create({ data: { userId: user.id, athleteId: "4100999", timeZone: "America/Denver", fetchedAt: new Date() } });
    const history = await listWorkoutHistory(user.id, historyFiltersSchema.parse({}));
    expect(history.rows.map((r) => r.timezone)).toEqual(["America/Denver"]);
    const recent = await getRecentWorkouts(user.id);
    expect(recent.map((r) => r.timezone)).toEqual(["America/Denver"]);
    // formatted on the server in the user's zone (10:00 UTC is 04:00 in Denver, 19:00 in Tokyo)
    expect(recent.map((r) => r.when)).toEqual(["1 May 2026, 04:00"]);
  });
});
