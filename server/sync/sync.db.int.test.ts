import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { connectedUser, historySnapshot, startSim, syncToEnd } from "@/test/sync-harness";

const database = setupTestDatabase();
let sim: PelotonSimulator;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => sim?.close());

describe(`full sync of the demo member (${database.kind()})`, () => {
  it("syncs every workout exactly once with details, series and classes", async () => {
    const userId = await connectedUser();
    const { last, steps } = await syncToEnd(userId);
    expect(last?.progress?.lastError ?? null).toBeNull();
    expect(last?.progress?.phase).toBe("done");
    const snap = await historySnapshot(userId);
    const remote = last?.progress?.remoteTotal ?? 0;
    expect(remote).toBeGreaterThan(300);
    expect(snap).toHaveLength(remote);
    expect(new Set(snap.map((w) => w.pelotonWorkoutId)).size).toBe(remote);
    expect(snap.filter((w) => w.syncState !== "complete")).toEqual([]);
    const rides = snap.filter((w) => w.discipline === "cycling" && w.rideId);
    expect(rides.length).toBeGreaterThan(50);
    // classes taken in the app without a bike have no output, and without a strap no samples at all (the simulator's
    // noOutput quirk); every other ride has its 1-second output and total
    const withOutput = rides.filter((w) => w.series?.channels.includes("output"));
    const withoutOutput = rides.filter((w) => !w.series?.channels.includes("output"));
    expect(withOutput.every((w) => w.series && w.series.samples > 60 && w.details?.totalOutputKj)).toBe(true);
    expect(withoutOutput.length).toBeGreaterThan(0);
    expect(withoutOutput.length).toBeLessThan(rides.length / 5);
    expect(withoutOutput.every((w) => w.details?.totalOutputKj === null && w.details.tss === null)).toBe(true);
    expect(steps).toBeGreaterThan(0);

    const { getDb } = await import("@/server/db/client");
    const db = await getDb();
    const classes = await db.rideDetail.count({ where: { detailsFetchedAt: { not: null } } });
    expect(classes).toBeGreaterThan(20);
    expect(await db.rideDetail.count({ where: { isPowerZone: true } })).toBeGreaterThan(0);
    const profile = await db.pelotonProfile.findFirst({ where: { connection: { userId } } });
    expect(profile?.totalOutputKj).toBeGreaterThan(1000);
    expect((await db.pelotonConnection.findUnique({ where: { userId } }))?.lastSyncedAt).not.toBeNull();
  }, 180_000);
});
