import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_MEMBER, startPelotonSimulator, TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";

const ctx = vi.hoisted(() => {
  process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
  process.env.LOG_LEVEL = "info";
  return { session: null as null | { user: { id: string } }, ip: "203.0.113.7", spoofed: "" };
});
vi.mock("@/server/auth", () => ({ auth: async () => ctx.session }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": ctx.spoofed ? `${ctx.spoofed}, ${ctx.ip}` : ctx.ip }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

setupTestDatabase();
let sim: PelotonSimulator;
/** Every log line this file's actions write: the audit log is scanned for secrets at the end. */
const logged: string[] = [];
beforeAll(async () => {
  for (const stream of ["log", "error", "warn", "info"] as const) vi.spyOn(console, stream).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
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

  it.each([
    { title: "limit per IP across users too", ip: "203.0.113.30", spoof: false },
    { title: "a spoofed X-Forwarded-For entry does not reset the per-IP limit", ip: "203.0.113.40", spoof: true },
  ])("$title", async ({ ip, spoof }) => {
    const { connectPelotonAction } = await import("./peloton");
    ctx.ip = ip;
    const results = [];
    for (let i = 0; i < 6; i++) {
      ctx.session = { user: { id: await newUser() } };
      ctx.spoofed = spoof ? `198.51.100.${i}` : "";
      results.push(await connectPelotonAction(null, form({ email: "nobody@example.com", password: "x" })));
    }
    ctx.spoofed = "";
    expect(results[5]).toMatchObject({ ok: false, code: "input.too_many_attempts" });
  });

  it("audits connects and disconnects with the client IP, and no password or token ever reaches the log", async () => {
    const { connectPelotonAction, disconnectPelotonAction } = await import("./peloton");
    const { getDb } = await import("@/server/db/client");
    const userId = await newUser();
    ctx.session = { user: { id: userId } };
    ctx.ip = "203.0.113.50";
    expect(await connectPelotonAction(null, form({ email: DEMO_MEMBER.email, password: DEMO_MEMBER.password }))).toMatchObject({ ok: true });
    const stored = await (await getDb()).pelotonConnection.findUniqueOrThrow({ where: { userId } });
    expect(await disconnectPelotonAction()).toMatchObject({ ok: true });
    const audit = logged.filter((line) => line.includes('"event":"audit.')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ event: "audit.peloton.connect", userId, ip: "203.0.113.50", outcome: "ok" }),
      expect.objectContaining({ event: "audit.peloton.disconnect", userId, ip: "203.0.113.50", outcome: "ok" }),
      expect.objectContaining({ event: "audit.peloton.connect", outcome: "refused", reason: "input.too_many_attempts", ip: "203.0.113.40" }),
    ]));
    const secrets = [DEMO_MEMBER.password, "guess-0", ...Object.values(stored).filter((v): v is string => typeof v === "string" && v.startsWith("sealed:"))];
    const everything = logged.join("\n");
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\./);
  });
});
