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
    expect(rides.every((w) => w.series && w.series.samples > 60 && w.details?.totalOutputKj)).toBe(true);
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
