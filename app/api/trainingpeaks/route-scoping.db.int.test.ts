import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { grantTokens, linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { setupTestDatabase } from "@/test/integration-db";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/server/auth", () => ({ auth: async () => session.current }));

setupTestDatabase();
let sim: TrainingPeaksSimulator;
const users: Record<"a" | "b", string> = { a: "", b: "" };
const basic = Object.values(DEMO_ATHLETES).find((a) => !a.isPremium)!;

beforeAll(async () => {
  sim = await startTestTrainingPeaks();
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  for (const [key, athlete] of [["a", DEMO_ATHLETES.demo], ["b", basic]] as const) {
    const user = await db.user.create({ data: { name: athlete.firstName } });
    await linkTrainingPeaks(user.id, sim.url, { athleteId: athlete.id, withProfile: false });
    users[key] = user.id;
  }
});
afterAll(async () => sim?.close());

async function call(path: string, userId: string | null) {
  session.current = userId ? { user: { id: userId } } : null;
  const mod = path.startsWith("/api/trainingpeaks/profile") ? await import("./profile/route") : await import("./activities/route");
  const res = await mod.GET(new Request(`http://localhost:3000${path}`) as never);
  return { status: res.status, body: (await res.json()) as { data?: unknown; ok: boolean; code?: string; message?: string } };
}

describe("TrainingPeaks route handlers are scoped to the signed-in user", () => {
  it("answers 401 without a session", async () => {
    const res = await call("/api/trainingpeaks/profile", null);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("auth.unauthenticated");
  });

  it("user B gets B's profile, never A's, whatever the query says", async () => {
    const a = await call("/api/trainingpeaks/profile", users.a);
    const b = await call(`/api/trainingpeaks/profile?userId=${users.a}&athleteId=${DEMO_ATHLETES.demo.id}`, users.b);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(JSON.stringify(a.body.data)).toContain(String(DEMO_ATHLETES.demo.id));
    expect(JSON.stringify(b.body.data)).toContain(String(basic.id));
    expect(JSON.stringify(b.body.data)).not.toContain(String(DEMO_ATHLETES.demo.id));
  });

  it("activities come from the caller's own TrainingPeaks account (basic athlete: premium fields null)", async () => {
    const end = new Date(sim.clock.now()).toISOString().slice(0, 10);
    const start = new Date(sim.clock.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const b = await call(`/api/trainingpeaks/activities?start=${start}&end=${end}&userId=${users.a}`, users.b);
    expect(b.status).toBe(200);
    const list = (b.body.data as { activities: { normalizedPower: number | null; tss: number | null }[] }).activities;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((w) => w.normalizedPower === null && w.tss === null)).toBe(true);
    const a = await call(`/api/trainingpeaks/activities?start=${start}&end=${end}`, users.a);
    expect((a.body.data as { activities: { tss: number | null }[] }).activities.some((w) => w.tss !== null)).toBe(true);
  });

  it("rejects bad input with a clear message", async () => {
    const res = await call("/api/trainingpeaks/activities?start=2026-13-01&end=2026-01-01", users.a);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/YYYY-MM-DD|start/);
  });

  it("stores tokens sealed: no plaintext token anywhere in the account table", async () => {
    const { getDb } = await import("@/server/db/client");
    const db = await getDb();
    const tokens = await grantTokens(sim.url, DEMO_ATHLETES.demo.id);
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Account"`);
    const dump = JSON.stringify(rows);
    expect(dump).toContain("sealed:v1:");
    for (const row of rows) {
      expect(String(row.access_token)).toMatch(/^sealed:v1:/);
      expect(String(row.refresh_token)).toMatch(/^sealed:v1:/);
    }
    // tokens the simulator issues look like gAAAA…; none may appear raw
    expect(dump).not.toMatch(/gAAAA/);
    expect(dump).not.toContain(tokens.access_token);
  });
});
