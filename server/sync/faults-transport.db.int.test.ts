import { z } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPeloton } from "@/server/providers/peloton/connection";
import { startSyncJob } from "./job";
import { createPelotonSource } from "./peloton-source";
import { decodeSeries } from "@/server/db/series-codec";
import { runSyncStep } from "./step";
import { TEST_MEMBERS, type PelotonSimulator } from "@/sandbox/peloton/server";
import { setupTestDatabase } from "@/test/integration-db";
import { drive, expectSameHistory, fullHistory, getTestDb, wrapSource, type History, syncedBaseline } from "@/test/sync-faults";
import { connectedUser, reconnectPeloton, startSim } from "@/test/sync-harness";

/**
 * Transport faults through the Peloton simulator over real HTTP, each synced by a fresh AutoCoach user
 * connected to the same member and compared with a fault-free sync: rate limits, 5xx bursts, resets and
 * timeouts, a malformed performance graph, nulls in samples, token expiry and revocation mid-sync.
 */
const database = setupTestDatabase();
const MEMBER = TEST_MEMBERS.other;
const WORKOUT = "^/api/workout/[0-9a-f]{32}$";
const GRAPH = "^/api/workout/[0-9a-f]{32}/performance_graph$";
const LIST = "^/api/user/[0-9a-f]{32}/workouts$";

let sim: PelotonSimulator;
let baseline: History;
/** Peloton ids of the baseline's workouts with a performance graph, newest first as the sync fetches them */
let withSeries: string[];

const graphSchema = z.object({
  seconds_since_pedaling_start: z.array(z.number()),
  metrics: z.array(z.object({ slug: z.string(), values: z.array(z.number().nullable()) })),
});

const requestsWith = (status: number, path?: RegExp) => sim.stats.requests.filter((r) => r.status === status && (!path || path.test(r.path)));

beforeAll(async () => {
  sim = await startSim();
  baseline = await syncedBaseline(MEMBER);
  withSeries = baseline
    .filter((w) => w.series)
    .sort((a, b) => b.startTime.getTime() - a.startTime.getTime())
    .map((w) => w.pelotonWorkoutId);
});
afterAll(async () => sim?.close());
// Tokens, faults, stats and added workouts back to the start; every scenario connects a new user.
beforeEach(() => sim.reset());

describe(`sync under transport faults (${database.kind()})`, () => {
  it("baseline: the fault-free sync stores all 48 workouts once, complete, most with 1-second series", () => {
    expect(baseline).toHaveLength(48);
    expect(new Set(baseline.map((w) => w.pelotonWorkoutId)).size).toBe(48);
    expect(baseline.every((w) => w.syncState === "complete" && w.details)).toBe(true);
    expect(withSeries.length).toBeGreaterThan(30);
  });

  it("429 with a short Retry-After: honoured inside the request, or by pausing the job and resuming → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const slow = withSeries[0] as string;
    sim.faults.add({ path: LIST, status: 429, retryAfterSeconds: 1, times: 1 });
    sim.faults.add({ path: `^/api/workout/${slow}/performance_graph$`, status: 429, retryAfterSeconds: 1, times: 4 });
    sim.faults.add({ path: GRAPH, status: 429, retryAfterSeconds: 1, times: 3 });
    sim.faults.add({ path: WORKOUT, status: 429, retryAfterSeconds: 2, times: 2 });
    const { results, last } = await drive(userId);
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);
    expect(requestsWith(429)).toHaveLength(10);
    // One workout's graph was refused more often than a request retries: the job paused until Retry-After, then resumed.
    expect(results.some((r) => r.progress?.phase === "paused" && r.progress.pauseReason === "rate_limited")).toBe(true);
    // Retry-After was honoured: the next attempt at that graph came at least a second after each 429.
    const attempts = sim.stats.requests.filter((r) => r.path === `/api/workout/${slow}/performance_graph`);
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 429, 429, 200]);
    for (let i = 1; i < attempts.length; i++) expect((attempts[i]?.at ?? 0) - (attempts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("500 and 503 bursts, and an outage on one workout that outlasts a request's retries, lose nothing → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const unlucky = withSeries[2] as string;
    // 503 is retried inside the request (backoff with jitter); 500 is not, so it costs the workout an attempt.
    sim.faults.add({ path: `^/api/workout/${unlucky}/performance_graph$`, status: 503, times: 5 });
    sim.faults.add({ path: LIST, status: 503, times: 1 });
    sim.faults.add({ path: LIST, status: 500, times: 1 });
    sim.faults.add({ path: "^/api/workout/", status: 503, times: 4 });
    sim.faults.add({ path: "^/api/workout/", status: 500, times: 4 });
    const { last } = await drive(userId);
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);
    expect(requestsWith(503)).toHaveLength(10);
    expect(requestsWith(500)).toHaveLength(5);
  });

  it("connection resets and answers slower than the request timeout are retried → same history", async () => {
    const userId = await connectedUser(MEMBER);
    sim.faults.add({ path: LIST, reset: true, times: 1 });
    sim.faults.add({ path: GRAPH, reset: true, times: 4 });
    sim.faults.add({ path: WORKOUT, reset: true, times: 2 });
    sim.faults.add({ path: GRAPH, delayMs: 3_000, times: 2 });
    const { last } = await drive(userId, { step: { timeoutMs: 1_500 } });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0 });
    expectSameHistory(await fullHistory(userId), baseline);
    expect(requestsWith(0)).toHaveLength(7);
  });

  it("malformed JSON for one performance graph fails that workout alone, with the error; the next sync completes it → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const broken = withSeries[5] as string;
    sim.faults.add({ path: `^/api/workout/${broken}/performance_graph$`, malformed: true });
    const first = await drive(userId);
    expect(first.last.progress).toMatchObject({ phase: "done", failed: 1, done: 47 });
    const history = await fullHistory(userId);
    expect(history).toHaveLength(48);
    const failed = history.filter((w) => w.syncState !== "complete");
    expect(failed.map((w) => [w.pelotonWorkoutId, w.syncState])).toEqual([[broken, "failed"]]);
    expect(failed[0]?.syncError).toMatch(/could not read|unexpected shape/i);
    expect(failed[0]?.series).toBeNull();
    // Every other workout is exactly as in the baseline.
    expectSameHistory(
      history.filter((w) => w.pelotonWorkoutId !== broken),
      baseline.filter((w) => w.pelotonWorkoutId !== broken),
    );

    sim.faults.clear();
    const second = await drive(userId, { start: "incremental" });
    expect(second.last.progress).toMatchObject({ phase: "done", failed: 0, done: 48 });
    expectSameHistory(await fullHistory(userId), baseline);
  });

  it("nulls inside samples are stored as nulls at the same indexes as in the performance graph", async () => {
    // Only a token is needed to read the graphs: the baseline's stored series are what is checked.
    const userId = await connectedUser(MEMBER);
    let checked = 0;
    for (const workout of baseline) {
      if (!workout.series) continue;
      const stored = decodeSeries(new Uint8Array(Buffer.from(workout.series.data, "base64")));
      const heartRate = stored.channels.heart_rate ?? [];
      const gaps = heartRate.filter((v) => v === null).length;
      if (gaps === 0 || gaps === heartRate.length) continue;
      const graph = await withPeloton(userId, async ({ accessToken, apiBaseUrl }) => {
        const res = await fetch(`${apiBaseUrl}/api/workout/${workout.pelotonWorkoutId}/performance_graph?every_n=1`, {
          headers: { Authorization: `Bearer ${accessToken}`, "Peloton-Platform": "web" },
        });
        expect(res.status).toBe(200);
        return graphSchema.parse(await res.json());
      });
      expect(stored.length).toBe(graph.seconds_since_pedaling_start.length);
      let channels = 0;
      for (const metric of graph.metrics) {
        const channel = stored.channels[metric.slug as keyof typeof stored.channels];
        if (!channel) continue;
        channels += 1;
        const nullAt = (values: readonly (number | null)[]) => values.flatMap((v, i) => (v === null ? [i] : []));
        expect(nullAt(channel), `${workout.pelotonWorkoutId} ${metric.slug}`).toEqual(nullAt(metric.values));
        expect(channel, `${workout.pelotonWorkoutId} ${metric.slug}`).toEqual(metric.values);
      }
      expect(channels).toBeGreaterThan(0);
      checked += 1;
    }
    // The member's heart-rate strap drops out in some workouts: those must have been checked.
    expect(checked).toBeGreaterThan(0);
  });

  it("access tokens expiring between steps and mid-step are refreshed transparently, even through token-endpoint 503s → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    let fetches = 0;
    const { last } = await drive(userId, {
      beforeStep: (i) => {
        if (i === 1) {
          sim.expireAccessTokens();
          // The first refreshes meet a struggling Auth0: every worker waiting on them sees the failure.
          sim.faults.add({ path: "^/oauth/token$", status: 503, times: 3 });
        }
      },
      runStep: (opts) =>
        runSyncStep(
          db,
          userId,
          wrapSource(createPelotonSource(userId, opts), {
            fetchWorkout: (_id, next) => {
              if (++fetches === 20) sim.expireAccessTokens();
              return next();
            },
          }),
          opts,
        ),
    });
    expect(last.progress).toMatchObject({ phase: "done", failed: 0, lastError: null });
    expectSameHistory(await fullHistory(userId), baseline);
    expect(requestsWith(401).length).toBeGreaterThan(0);
    expect(requestsWith(503, /^\/oauth\/token$/)).toHaveLength(3);
    expect(sim.stats.tokenExchanges.refresh_token).toBeGreaterThanOrEqual(2);
    expect((await db.pelotonConnection.findUniqueOrThrow({ where: { userId } })).status).toBe("active");
  });

  it("a refresh token revoked mid-sync pauses the job for a reconnect; reconnecting resumes the same job → same history", async () => {
    const userId = await connectedUser(MEMBER);
    const db = await getTestDb();
    const { jobId } = await startSyncJob(db, userId, "full");
    const paused = await drive(userId, {
      start: false,
      beforeStep: (i) => {
        if (i === 1) {
          sim.revokeRefreshTokens(MEMBER.email);
          sim.expireAccessTokens();
        }
      },
    });
    expect(paused.last.progress).toMatchObject({ jobId, phase: "paused", pauseReason: "reconnect_required" });
    expect(paused.last.progress?.lastError).toMatch(/connect/i);
    const connection = await db.pelotonConnection.findUniqueOrThrow({ where: { userId } });
    expect(connection.status).toBe("reauth_required");
    // Nothing was given up on while the sign-in was missing.
    expect(await db.workout.count({ where: { userId, syncState: "failed" } })).toBe(0);
    // Until the user reconnects, further steps do nothing.
    const idle = await drive(userId, { start: false });
    expect(idle.last.progress).toMatchObject({ jobId, phase: "paused", pauseReason: "reconnect_required" });

    await reconnectPeloton(userId, MEMBER);
    const resumed = await startSyncJob(db, userId, "full");
    expect(resumed).toEqual({ jobId, created: false });
    const { last } = await drive(userId, { start: false });
    expect(last.progress).toMatchObject({ jobId, phase: "done", failed: 0, lastError: null, pauseReason: null });
    expectSameHistory(await fullHistory(userId), baseline);
  });
});
