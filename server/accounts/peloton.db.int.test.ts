import { describe, expect, it, vi } from "vitest";
import { DEMO_MEMBER, TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { agreedByTwoInstances } from "@/test/two-instances";
import { withSimulator } from "@/sandbox/shared/vitest-sim";
import { freeAllPelotonAccounts, startSim } from "@/test/sync-harness";

/** The Peloton connection end to end against the simulator over real HTTP, with a real database. */
const database = setupTestDatabase();
let sim: PelotonSimulator;

withSimulator(async () => (sim = await startSim()), freeAllPelotonAccounts);

async function newUser(name = "Rider") {
  const { getDb } = await import("@/server/db/client");
  return (await (await getDb()).user.create({ data: { name } })).id;
}

/** A new user with the demo member connected. */
async function connectedDemoUser(rememberPassword = false): Promise<string> {
  const { connectPeloton } = await import("./peloton");
  const userId = await newUser();
  await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword });
  return userId;
}

/** The user's Peloton connection status as pages read it (null: no connection). */
async function connectionStatus(userId: string) {
  const { getPelotonConnection } = await import("@/server/queries/peloton-connection");
  return (await getPelotonConnection(userId))?.status ?? null;
}

async function accessToken(userId: string, opts?: { forceRefresh?: boolean }) {
  const { getPelotonAccessToken } = await import("@/server/providers/peloton/connection");
  return getPelotonAccessToken(userId, opts);
}

async function rawConnectionTable(): Promise<string> {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  return JSON.stringify([
    await db.$queryRawUnsafe(`SELECT * FROM "PelotonConnection"`),
    await db.$queryRawUnsafe(`SELECT * FROM "PelotonProfile"`),
  ]);
}

describe(`Peloton connection (${database.kind()})`, () => {
  it("connects the demo member: profile stored, tokens sealed, no password kept", async () => {
    const { connectPeloton } = await import("./peloton");
    const userId = await newUser();
    const view = await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: false });
    expect(view.status).toBe("active");
    expect(view.profile?.leaderboardName).toBe(DEMO_MEMBER.username);
    expect(view.profile?.totalWorkouts).toBeGreaterThan(100);
    expect(Object.keys(view.profile?.workoutCounts ?? {}).length).toBeGreaterThan(3);
    expect(view.rememberPassword).toBe(false);
    const raw = await rawConnectionTable();
    expect(raw).toContain("sealed:v1:");
    expect(raw).not.toContain(DEMO_MEMBER.password);
    expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no raw JWT
    expect(sim.stats.tokenExchanges.authorization_code).toBe(1);
  });

  it("a wrong password gives the specific message and stores nothing", async () => {
    const { connectPeloton } = await import("./peloton");
    const userId = await newUser();
    await expect(connectPeloton(userId, { email: DEMO_MEMBER.email, password: "wrong-password", rememberPassword: true })).rejects.toMatchObject({
      name: "AppError",
      code: "peloton.bad_credentials",
    });
    expect(await connectionStatus(userId)).toBeNull();
    expect(await rawConnectionTable()).not.toContain("wrong-password");
  });

  it.each([
    ["locked", TEST_MEMBERS.locked, "peloton.account_locked"],
    ["mfa", TEST_MEMBERS.mfa, "peloton.verification_required"],
  ] as const)("the %s account fails with %s and nothing is stored", async (_name, member, code) => {
    const { connectPeloton } = await import("./peloton");
    const userId = await newUser();
    await expect(connectPeloton(userId, { ...member, rememberPassword: false })).rejects.toMatchObject({ code });
    expect(await connectionStatus(userId)).toBeNull();
  });

  it("refreshes ahead of expiry once for concurrent callers, rotating the stored refresh token", async () => {
    const { getDb } = await import("@/server/db/client");
    const userId = await connectedDemoUser();
    const db = await getDb();
    const before = await db.pelotonConnection.findUniqueOrThrow({ where: { userId } });
    await db.pelotonConnection.update({ where: { userId }, data: { accessTokenExpires: new Date(Date.now() + 60_000) } });
    const tokens = await Promise.all([accessToken(userId), accessToken(userId), accessToken(userId)]);
    expect(new Set(tokens).size).toBe(1);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
    const after = await db.pelotonConnection.findUniqueOrThrow({ where: { userId } });
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
  });

  it("two server instances refreshing at once still exchange the rotated token once", async () => {
    const { getDb } = await import("@/server/db/client");
    const userId = await connectedDemoUser();
    await (await getDb()).pelotonConnection.update({ where: { userId }, data: { accessTokenExpires: new Date(Date.now() + 60_000) } });
    await agreedByTwoInstances(() => import("@/server/providers/peloton/connection"), (connection) => connection.getPelotonAccessToken(userId));
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("401 from the API → refresh → retry", async () => {
    const { withPeloton } = await import("@/server/providers/peloton/connection");
    const { getMe } = await import("@/server/providers/peloton/api/client");
    const userId = await connectedDemoUser();
    sim.expireAccessTokens();
    const me = await withPeloton(userId, (ctx) => getMe(ctx));
    expect(me.username).toBe(DEMO_MEMBER.username);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("a revoked refresh token without a stored password → 'reconnect needed'", async () => {
    const userId = await connectedDemoUser();
    sim.revokeRefreshTokens(DEMO_MEMBER.email);
    await expect(accessToken(userId, { forceRefresh: true })).rejects.toMatchObject({ code: "peloton.disconnected" });
    expect(await connectionStatus(userId)).toBe("reauth_required");
    const logins = sim.stats.loginAttempts;
    await expect(accessToken(userId)).rejects.toMatchObject({ code: "peloton.disconnected" });
    expect(sim.stats.loginAttempts).toBe(logins);
  });

  it("a revoked refresh token with a remembered password → one fresh login, connection stays active", async () => {
    const userId = await connectedDemoUser(true);
    expect(await rawConnectionTable()).not.toContain(DEMO_MEMBER.password);
    const logins = sim.stats.loginAttempts;
    sim.revokeRefreshTokens(DEMO_MEMBER.email);
    expect(await accessToken(userId, { forceRefresh: true })).toMatch(/^eyJ/);
    expect(sim.stats.loginAttempts).toBe(logins + 1);
    expect(await connectionStatus(userId)).toBe("active");
  });

  it("'Test connection' renews the token and reports what changed", async () => {
    const { testPelotonConnection } = await import("./peloton");
    const userId = await connectedDemoUser();
    expect((await testPelotonConnection(userId)).changes).toEqual([]);
    sim.addWorkout(DEMO_MEMBER.email);
    const result = await testPelotonConnection(userId);
    expect(result.changes.map((c) => c.field)).toContain("Total workouts");
    expect(sim.stats.tokenExchanges.refresh_token).toBe(2);
  });

  it("logs never contain the password or a token", async () => {
    const lines: string[] = [];
    const spies = [vi.spyOn(console, "log"), vi.spyOn(console, "error"), vi.spyOn(console, "warn")].map((s) =>
      s.mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
    );
    process.env.LOG_LEVEL = "debug";
    vi.resetModules();
    try {
      const { connectPeloton } = await import("./peloton");
      const userId = await newUser();
      await connectPeloton(userId, { ...DEMO_MEMBER, rememberPassword: true });
      await connectPeloton(userId, { email: DEMO_MEMBER.email, password: "not-my-password", rememberPassword: false }).catch(() => undefined);
    } finally {
      spies.forEach((s) => s.mockRestore());
      process.env.LOG_LEVEL = "silent";
    }
    const all = lines.join("\n");
    expect(all).toContain("peloton.connected");
    expect(all).not.toContain(DEMO_MEMBER.password);
    expect(all).not.toContain("not-my-password");
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });

  it("disconnect deletes every secret", async () => {
    const { disconnectPeloton } = await import("./peloton");
    const userId = await connectedDemoUser(true);
    expect(await disconnectPeloton(userId)).toEqual({ deleted: true, workoutsDeleted: 0 });
    expect(await connectionStatus(userId)).toBeNull();
    const { getDb } = await import("@/server/db/client");
    expect(await (await getDb()).pelotonConnection.count({ where: { userId } })).toBe(0);
  });
});

describe("Peloton re-login with a remembered password", () => {
  it("an outage during the re-login keeps the connection (not the user's fault)", async () => {
    const userId = await connectedDemoUser(true);
    sim.revokeRefreshTokens(DEMO_MEMBER.email);
    sim.faults.add({ path: "^/authorize", status: 503, times: 1 });
    await expect(accessToken(userId, { forceRefresh: true })).rejects.toMatchObject({ code: "peloton.unavailable" });
    expect(await connectionStatus(userId)).toBe("active");
    // once Peloton is back, the next call signs in again by itself
    expect(await accessToken(userId, { forceRefresh: true })).toMatch(/^eyJ/);
  });

  it("a changed password at Peloton → reconnect needed", async () => {
    const { seal } = await import("@/server/crypto");
    const { sealContext } = await import("@/server/providers/peloton/connection");
    const { getDb } = await import("@/server/db/client");
    const userId = await connectedDemoUser(true);
    const db = await getDb();
    const row = await db.pelotonConnection.findUniqueOrThrow({ where: { userId } });
    await db.pelotonConnection.update({ where: { userId }, data: { password: seal("an-old-password", sealContext(row.id, "password")) } });
    sim.revokeRefreshTokens(DEMO_MEMBER.email);
    await expect(accessToken(userId, { forceRefresh: true })).rejects.toMatchObject({ code: "peloton.disconnected" });
    expect(await connectionStatus(userId)).toBe("reauth_required");
  });
});
