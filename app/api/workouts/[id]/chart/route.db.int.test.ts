import { beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { workoutChartOf } from "@/lib/metrics/workout-chart-of";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/server/auth", () => ({ auth: async () => session.current }));

setupTestDatabase();
const users = { a: "", b: "" };
let workoutOfA = "";

beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  users.a = (await db.user.create({ data: { name: "A" } })).id;
  users.b = (await db.user.create({ data: { name: "B" } })).id;
  await db.analyticsSettings.create({ data: { userId: users.a, units: "imperial" } });
  workoutOfA = await seedSyncedRide(db, users.a, { startTime: new Date(Date.now() - 86_400_000) });
});

async function get(id: string, userId: string | null) {
  session.current = userId ? { user: { id: userId } } : null;
  const { GET } = await import("./route");
  const res = await GET(new Request(`http://localhost:3000/api/workouts/${id}/chart`), { params: Promise.resolve({ id }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: Record<string, unknown>; message?: string } };
}

describe("GET /api/workouts/[id]/chart", () => {
  it("answers 401 without a session", async () => {
    expect((await get(workoutOfA, null)).status).toBe(401);
  });

  it("gives the owner the same chart data the detail page computes, in the owner's units", async () => {
    const res = await get(workoutOfA, users.a);
    expect(res.status).toBe(200);
    const { getWorkoutDetail } = await import("@/server/queries/workout-detail");
    const detail = await getWorkoutDetail(users.a, workoutOfA);
    const expected = JSON.parse(JSON.stringify(workoutChartOf(detail!, "imperial").chart));
    expect(res.body.data).toEqual(expected);
    expect((res.body.data?.panels as unknown[]).length).toBeGreaterThan(0);
  });

  it("answers another user's workout with 404, like a missing one", async () => {
    const res = await get(workoutOfA, users.b);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe("This workout does not exist or is not yours.");
  });

  it("answers a malformed id with 400 and a sentence", async () => {
    const res = await get("../../etc", users.a);
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
  });
});
