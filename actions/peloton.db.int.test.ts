import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_MEMBER, startPelotonSimulator, TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";

const ctx = vi.hoisted(() => ({ session: null as null | { user: { id: string } }, ip: "203.0.113.7" }));
vi.mock("@/server/auth", () => ({ auth: async () => ctx.session }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": ctx.ip }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

setupTestDatabase();
let sim: PelotonSimulator;
beforeAll(async () => {
  sim = await startPelotonSimulator({ quiet: true });
  process.env.PELOTON_SIMULATOR_URL = sim.url;
});
afterAll(async () => sim?.close());

async function newUser() {
  const { getDb } = await import("@/server/db/client");
  return (await (await getDb()).user.create({ data: { name: "x" } })).id;
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("Peloton server actions", () => {
  it("refuse to run without a session", async () => {
    const { connectPelotonAction, disconnectPelotonAction } = await import("./peloton");
    ctx.session = null;
    expect(await connectPelotonAction(null, form({ email: DEMO_MEMBER.email, password: DEMO_MEMBER.password }))).toMatchObject({ ok: false, code: "auth.unauthenticated" });
    expect(await disconnectPelotonAction()).toMatchObject({ ok: false, code: "auth.unauthenticated" });
  });

  it("validate input before contacting Peloton", async () => {
    const { connectPelotonAction } = await import("./peloton");
    ctx.session = { user: { id: await newUser() } };
    const before = sim.stats.loginAttempts;
    const r = await connectPelotonAction(null, form({ email: "  ", password: "" }));
    expect(r).toMatchObject({ ok: false, code: "input.invalid" });
    expect(!r.ok && r.fields).toMatchObject({ email: expect.any(String), password: expect.any(String) });
    expect(sim.stats.loginAttempts).toBe(before);
  });

  it("user A's actions only ever touch A's connection", async () => {
    const { connectPelotonAction, disconnectPelotonAction, testPelotonAction } = await import("./peloton");
    const { getPelotonConnection } = await import("@/server/queries/peloton-connection");
    const a = await newUser();
    const b = await newUser();
    ctx.ip = "203.0.113.10";
    ctx.session = { user: { id: b } };
    expect(await connectPelotonAction(null, form({ email: TEST_MEMBERS.other.email, password: TEST_MEMBERS.other.password }))).toMatchObject({ ok: true });
    ctx.session = { user: { id: a } };
    // A has no connection: testing finds none, disconnecting deletes nothing; B's stays.
    expect(await testPelotonAction()).toMatchObject({ ok: false });
    expect(await disconnectPelotonAction()).toMatchObject({ ok: true, data: { deleted: false } });
    expect((await getPelotonConnection(b))?.status).toBe("active");
    expect(await getPelotonConnection(a)).toBeNull();
  });

  it("limit connect attempts to 5 per 15 minutes per user, before Peloton's own lock", async () => {
    const { connectPelotonAction } = await import("./peloton");
    ctx.session = { user: { id: await newUser() } };
    ctx.ip = "203.0.113.20";
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await connectPelotonAction(null, form({ email: "nobody@example.com", password: `guess-${i}` })));
    expect(attempts.slice(0, 5).every((r) => !r.ok && r.code === "peloton.bad_credentials")).toBe(true);
    const sixth = attempts[5]!;
    expect(sixth).toMatchObject({ ok: false, code: "input.too_many_attempts" });
    expect(!sixth.ok && sixth.message).toMatch(/wait .*minutes? before trying again/);
  });

  it("limit per IP across users too", async () => {
    const { connectPelotonAction } = await import("./peloton");
    ctx.ip = "203.0.113.30";
    const results = [];
    for (let i = 0; i < 6; i++) {
      ctx.session = { user: { id: await newUser() } };
      results.push(await connectPelotonAction(null, form({ email: "nobody@example.com", password: "x" })));
    }
    expect(results[5]).toMatchObject({ ok: false, code: "input.too_many_attempts" });
  });
});
