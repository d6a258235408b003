import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_ATHLETES, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import { connectAthlete, refreshTokens, tokenResponseSchema } from "./testing";
import { withSimulator } from "../shared/vitest-sim";

let sim: TrainingPeaksSimulator;
let token: string;

withSimulator(async () => (sim = await startTrainingPeaksSimulator({ quiet: true })), () => {
  token = sim.issueTokens().access_token;
});

const profile = (accessToken = token) => fetch(new URL("/v1/athlete/profile", sim.url), { headers: { Authorization: `Bearer ${accessToken}` } });

function admin(method: string, path: string, body?: unknown) {
  return fetch(new URL(path, sim.url), {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("fault injection", () => {
  it("injects 429 with Retry-After and the rate_limited body, then recovers", async () => {
    sim.faults.add({ path: "^/v1/athlete", status: 429, retryAfterSeconds: 7, times: 1 });
    const limited = await profile();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await limited.json()).toEqual({ error: "rate_limited" });
    expect((await profile()).status).toBe(200);
  });

  it("injects 503 for `times` requests, then serves the real handler", async () => {
    sim.faults.add({ path: "/v1/athlete/profile", status: 503, times: 2 });
    expect((await profile()).status).toBe(503);
    expect((await profile()).status).toBe(503);
    expect((await profile()).status).toBe(200);
    expect(sim.stats.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("matches the path case-insensitively and honours the method filter", async () => {
    sim.faults.add({ method: "post", path: "/OAUTH/TOKEN", status: 500 });
    expect((await profile()).status).toBe(200);
    const tokens = await refreshTokens(sim.url, "whatever");
    expect(tokens.status).toBe(500);
    expect(sim.stats.tokenRequests).toBe(1);
    expect(sim.stats.tokenExchanges.refresh_token).toBe(0);
  });

  it("delays responses by delayMs plus the global latency", async () => {
    sim.faults.add({ path: "/v1/athlete/profile", delayMs: 150, times: 1 });
    let started = performance.now();
    expect((await profile()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    sim.faults.latencyMs = 80;
    started = performance.now();
    await profile();
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it("resets the connection", async () => {
    sim.faults.add({ path: "/v1/athlete/profile", reset: true, times: 1 });
    await expect(profile()).rejects.toThrow();
    expect((await profile()).status).toBe(200);
  });

  it("serves truncated JSON from the real handler when malformed", async () => {
    sim.faults.add({ path: "/v1/athlete/profile", malformed: true, times: 1 });
    const response = await profile();
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body.startsWith('{"Id":4100123')).toBe(true);
    expect(() => z.unknown().parse(JSON.parse(body))).toThrow();
  });

  it("sends a custom body and headers", async () => {
    sim.faults.add({ path: "/v1/athlete/profile", status: 400, body: ["Bad things"], headers: { "X-Sim": "1" }, times: 1 });
    const response = await profile();
    expect(response.status).toBe(400);
    expect(response.headers.get("x-sim")).toBe("1");
    expect(await response.json()).toEqual(["Bad things"]);
  });
});

describe("admin endpoints", () => {
  it("POST/DELETE /__admin/faults adds and clears rules, and validates them", async () => {
    expect((await admin("POST", "/__admin/faults", { path: ".*", status: 503 })).status).toBe(200);
    expect((await profile()).status).toBe(503);
    // Admin endpoints are never faulted, so they can always clear.
    const stats = await admin("GET", "/__admin/stats");
    expect(stats.status).toBe(200);
    expect((await admin("DELETE", "/__admin/faults")).status).toBe(200);
    expect((await profile()).status).toBe(200);
    expect((await admin("POST", "/__admin/faults", { status: 99 })).status).toBe(400);
    expect((await admin("POST", "/__admin/faults", [{ path: "/v1", status: 429, times: 1 }, { path: "/v1", status: 500, times: 1 }])).status).toBe(200);
    expect((await profile()).status).toBe(429);
    expect((await profile()).status).toBe(500);
    expect((await profile()).status).toBe(200);
  });

  it("POST /__admin/latency sets the global latency", async () => {
    expect((await admin("POST", "/__admin/latency", { latencyMs: 60 })).status).toBe(200);
    expect(sim.faults.latencyMs).toBe(60);
  });

  it("POST /__admin/clock advances or sets the clock", async () => {
    const before = sim.clock.now();
    const advanced = z.object({ nowMs: z.number() }).parse(await (await admin("POST", "/__admin/clock", { advanceSeconds: 3600 })).json());
    expect(advanced.nowMs - before).toBeGreaterThanOrEqual(3600 * 1000);
    expect((await profile()).status).toBe(401);
    const target = Date.UTC(2030, 0, 1);
    const set = z.object({ nowMs: z.number(), now: z.string() }).parse(await (await admin("POST", "/__admin/clock", { nowMs: target })).json());
    expect(Math.abs(set.nowMs - target)).toBeLessThan(1000);
    expect((await admin("POST", "/__admin/clock", { advanceSeconds: "soon" })).status).toBe(400);
  });

  it("POST /__admin/expire-tokens expires access tokens but not refresh tokens", async () => {
    const tokens = await connectAthlete(sim.url);
    expect((await admin("POST", "/__admin/expire-tokens")).status).toBe(200);
    expect((await profile(tokens.access_token)).status).toBe(401);
    expect((await refreshTokens(sim.url, tokens.refresh_token)).status).toBe(200);
  });

  it("POST /__admin/revoke revokes one athlete's grants or everyone's", async () => {
    const basic = sim.issueTokens({ athleteId: DEMO_ATHLETES.basic.id }).access_token;
    await admin("POST", "/__admin/revoke", { athleteId: DEMO_ATHLETES.basic.id });
    expect((await profile(basic)).status).toBe(401);
    expect((await profile()).status).toBe(200);
    await admin("POST", "/__admin/revoke");
    expect((await profile()).status).toBe(401);
  });

  it("POST /__admin/tokens issues tokens without the browser flow", async () => {
    const response = await admin("POST", "/__admin/tokens", { athleteId: DEMO_ATHLETES.climber.id, scopes: ["athlete:profile"] });
    const tokens = tokenResponseSchema.parse(await response.json());
    expect(tokens.scope).toBe("athlete:profile");
    expect(await (await profile(tokens.access_token)).json()).toMatchObject({ Id: DEMO_ATHLETES.climber.id });
    expect((await admin("POST", "/__admin/tokens", { scopes: ["workouts:plan"] })).status).toBe(400);
    expect((await admin("POST", "/__admin/tokens", { athleteId: 1 })).status).toBe(400);
  });

  it("GET /__admin/stats reports requests and POST /__admin/reset clears everything", async () => {
    await connectAthlete(sim.url);
    await profile();
    const stats = z
      .object({ tokenRequests: z.number(), tokenExchanges: z.object({ authorization_code: z.number() }), requests: z.array(z.object({ path: z.string() })) })
      .parse(await (await admin("GET", "/__admin/stats")).json());
    expect(stats.tokenRequests).toBe(1);
    expect(stats.tokenExchanges.authorization_code).toBe(1);
    expect(stats.requests.map((r) => r.path)).toEqual(["/OAuth/Authorize", "/OAuth/Authorize", "/oauth/token", "/v1/athlete/profile"]);

    sim.faults.add({ path: "/nothing", status: 500 });
    sim.clock.advance(10_000_000);
    expect((await admin("POST", "/__admin/reset")).status).toBe(200);
    expect(sim.stats.requests).toEqual([]);
    expect(sim.stats.tokenRequests).toBe(0);
    expect(Math.abs(sim.clock.now() - Date.now())).toBeLessThan(1000);
    expect((await profile()).status).toBe(401);
  });

  it("answers 404 JSON for an unknown admin endpoint", async () => {
    const response = await admin("GET", "/__admin/nope");
    expect(response.status).toBe(404);
    expect(z.object({ endpoints: z.array(z.string()) }).parse(await response.json()).endpoints.length).toBeGreaterThan(5);
  });
});
