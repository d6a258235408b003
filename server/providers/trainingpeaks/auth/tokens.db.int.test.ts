import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";
import { setupTestDatabase } from "@/test/integration-db";
import { agreedByTwoInstances } from "@/test/two-instances";
import { withSimulator } from "@/sandbox/shared/vitest-sim";

const database = setupTestDatabase();
let sim: TrainingPeaksSimulator;

withSimulator(async () => (sim = await startTestTrainingPeaks()));

async function seedUser(athleteId: number, opts: { expiresInSeconds?: number } = {}) {
  const { getDb } = await import("@/server/db/client");
  const user = await (await getDb()).user.create({ data: { name: `Athlete ${athleteId}` } });
  const tokens = await linkTrainingPeaks(user.id, sim.url, { athleteId, withProfile: false, ...opts });
  return { userId: user.id, tokens };
}

describe(`TrainingPeaks tokens (${database.kind()})`, () => {
  it("uses the stored token while it is valid, without a refresh", async () => {
    const { getValidAccessToken } = await import("./tokens");
    const { userId, tokens } = await seedUser(DEMO_ATHLETES.demo.id);
    expect(await getValidAccessToken(userId)).toBe(tokens.access_token);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(0);
  });

  it("refreshes ahead of expiry and stores the rotated tokens sealed", async () => {
    const { getValidAccessToken } = await import("./tokens");
    const { getDb } = await import("@/server/db/client");
    const { userId, tokens } = await seedUser(DEMO_ATHLETES.demo.id, { expiresInSeconds: 60 });
    const fresh = await getValidAccessToken(userId);
    expect(fresh).not.toBe(tokens.access_token);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
    const row = await (await getDb()).account.findFirstOrThrow({ where: { userId } });
    expect(row.access_token).not.toContain(fresh);
    expect(row.expires_at! - Math.floor(Date.now() / 1000)).toBeGreaterThan(3000);
    // the next call uses the stored fresh token
    expect(await getValidAccessToken(userId)).toBe(fresh);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("two concurrent refreshes spend the rotated refresh token once", async () => {
    const { getValidAccessToken } = await import("./tokens");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id, { expiresInSeconds: 10 });
    const [a, b, c] = await Promise.all([getValidAccessToken(userId), getValidAccessToken(userId), getValidAccessToken(userId)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("concurrent refreshes from separate module instances (two 'servers') still exchange once", async () => {
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id, { expiresInSeconds: 10 });
    await agreedByTwoInstances(() => import("./tokens"), (tokens) => tokens.getValidAccessToken(userId));
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("a revoked grant marks the connection 'reauth_required' and says to reconnect", async () => {
    const { getValidAccessToken } = await import("./tokens");
    const { getTrainingPeaksConnection } = await import("@/server/queries/trainingpeaks-connection");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id, { expiresInSeconds: 10 });
    sim.revokeGrants(DEMO_ATHLETES.demo.id);
    await expect(getValidAccessToken(userId)).rejects.toMatchObject({ code: "trainingpeaks.disconnected" });
    expect((await getTrainingPeaksConnection(userId)).status).toBe("reauth_required");
    // later calls fail fast without spending requests
    const before = sim.stats.tokenRequests;
    await expect(getValidAccessToken(userId)).rejects.toMatchObject({ code: "trainingpeaks.disconnected" });
    expect(sim.stats.tokenRequests).toBe(before);
  });

  it("a 401 from the API refreshes once and retries", async () => {
    const { fetchThresholds } = await import("../records");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id);
    sim.expireAccessTokens();
    const thresholds = await fetchThresholds(userId);
    expect(thresholds.ftpWatts).toBe(265);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(1);
  });

  it("sends our User-Agent on API calls", async () => {
    const { fetchAthlete } = await import("../records");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id);
    await fetchAthlete(userId);
    expect(sim.stats.userAgents.some((ua) => ua.startsWith("AutoCoach/"))).toBe(true);
  });

  it("fetches activities over more than 45 days in chunks", async () => {
    const { fetchActivities } = await import("../records");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id);
    const end = new Date(sim.clock.now()).toISOString().slice(0, 10);
    const start = new Date(sim.clock.now() - 99 * 86_400_000).toISOString().slice(0, 10);
    const { activities: list, unreadable } = await fetchActivities(userId, start, end);
    expect(unreadable).toBe(0);
    expect(list.length).toBeGreaterThan(10);
    const workoutCalls = sim.stats.requests.filter((r) => r.path.toLowerCase().startsWith("/v2/workouts/"));
    expect(workoutCalls).toHaveLength(3);
    expect(workoutCalls.every((r) => r.status === 200)).toBe(true);
    expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
  });

  it("a 429 with a long Retry-After surfaces as rate_limited with the wait", async () => {
    const { fetchAthlete } = await import("../records");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id);
    sim.faults.add({ path: "/v1/athlete/profile", status: 429, retryAfterSeconds: 120, times: 5 });
    await expect(fetchAthlete(userId)).rejects.toMatchObject({ code: "trainingpeaks.rate_limited", retryAfterSeconds: 120 });
  });

  it("a brief 503 is retried transparently", async () => {
    const { fetchAthlete } = await import("../records");
    const { userId } = await seedUser(DEMO_ATHLETES.demo.id);
    sim.faults.add({ path: "/v1/athlete/profile", status: 503, times: 1 });
    expect((await fetchAthlete(userId)).name).toBe("Demo Athlete");
  });
});
