import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";

const ctx = vi.hoisted(() => ({ session: null as null | { user: { id: string } } }));
vi.mock("@/server/auth", () => ({ auth: async () => ctx.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const database = setupTestDatabase();

async function db() {
  const { getDb } = await import("@/server/db/client");
  return getDb();
}

async function signedIn(): Promise<string> {
  const id = (await (await db()).user.create({ data: { name: "rider" } })).id;
  ctx.session = { user: { id } };
  return id;
}

describe(`analytics actions (${database.kind()})`, () => {
  it("refuse to run without a session", async () => {
    const { addThresholdAction, saveAnalyticsSettingsAction, rescoreNowAction } = await import("./analytics");
    ctx.session = null;
    expect(await addThresholdAction({ kind: "ftp", value: "250", effectiveFrom: "2026-01-01" })).toMatchObject({ ok: false, code: "auth.unauthenticated" });
    expect(await saveAnalyticsSettingsAction({ units: "metric", timeZone: "", ftpSource: "manual" })).toMatchObject({ ok: false, code: "auth.unauthenticated" });
    expect(await rescoreNowAction()).toMatchObject({ ok: false, code: "auth.unauthenticated" });
  });

  it("bad input gets a clear message and nothing is stored", async () => {
    const { addThresholdAction, saveAnalyticsSettingsAction } = await import("./analytics");
    const userId = await signedIn();
    const pace = await addThresholdAction({ kind: "run_pace", value: "quick", effectiveFrom: "2026-01-01" });
    expect(pace).toMatchObject({ ok: false, code: "input.invalid", fields: { value: "Enter threshold run pace as min:s per km, e.g. 4:30." } });
    expect(await addThresholdAction({ kind: "ftp", value: "2000", effectiveFrom: "2026-01-01" })).toMatchObject({ ok: false, fields: { value: "FTP must be between 50 W and 700 W." } });
    expect(await addThresholdAction({ kind: "ftp", value: "250", effectiveFrom: "2026-02-30" })).toMatchObject({ ok: false, code: "input.invalid" });
    expect(await saveAnalyticsSettingsAction({ units: "metric", timeZone: "Mars/Olympus", ftpSource: "manual" })).toMatchObject({ ok: false, fields: { timeZone: expect.any(String) } });
    expect(await (await db()).thresholdEntry.count({ where: { userId } })).toBe(0);
    expect(await (await db()).analyticsSettings.count({ where: { userId } })).toBe(0);
  });

  it("a new threshold and a new FTP source queue rescoring; only your own values can be removed", async () => {
    const { addThresholdAction, deleteThresholdAction, saveAnalyticsSettingsAction } = await import("./analytics");
    const userId = await signedIn();
    await seedSyncedRide(await db(), userId, { startTime: new Date("2026-03-01T12:00:00Z") });
    expect(await addThresholdAction({ kind: "ftp", value: "240", effectiveFrom: "2026-02-01" })).toEqual({ ok: true, data: null });
    expect(await (await db()).analyticsJob.findUnique({ where: { userId } })).toMatchObject({ state: "pending", reason: "thresholds" });
    const saved = await saveAnalyticsSettingsAction({ units: "imperial", timeZone: "Europe/Berlin", ftpSource: "manual" });
    expect(saved).toMatchObject({ ok: true, data: { units: "imperial", timeZone: "Europe/Berlin", timeZoneChosen: true, ftpSource: "manual" } });

    const { runAnalyticsCron } = await import("@/server/analytics/drive");
    expect(await runAnalyticsCron({ timeLimitMs: 30_000, stepBudgetMs: 5_000 })).toMatchObject({ steps: expect.any(Number), workouts: 1 });
    expect(await (await db()).workoutAnalytics.findFirstOrThrow({ where: { userId } })).toMatchObject({ thresholdValue: 240, thresholdSource: "manual" });

    const own = await (await db()).thresholdEntry.findFirstOrThrow({ where: { userId } });
    const provider = await (await db()).thresholdEntry.create({ data: { userId, kind: "max_hr", value: 190, effectiveFrom: new Date("2026-01-01"), source: "trainingpeaks" } });
    expect(await deleteThresholdAction(provider.id)).toMatchObject({ ok: false, code: "input.invalid" });
    await signedIn();
    expect(await deleteThresholdAction(own.id)).toMatchObject({ ok: false, code: "input.invalid" });
    ctx.session = { user: { id: userId } };
    expect(await deleteThresholdAction(own.id)).toEqual({ ok: true, data: null });
  });
});
