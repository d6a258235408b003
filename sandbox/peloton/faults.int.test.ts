import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_MEMBER, TEST_MEMBERS, startPelotonSimulator, type PelotonSimulator } from "./server";
import { api, login } from "./test-kit";
import { WEB_CLIENT_ID } from "./data/constants";
import { withSimulator } from "../shared/vitest-sim";

let sim: PelotonSimulator;
let token: string;

const admin = (path: string, body?: unknown, method = "POST") =>
  fetch(`${sim.url}/__admin${path}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

withSimulator(async () => (sim = await startPelotonSimulator({ quiet: true })), async () => {
  token = (await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password)).access_token;
});

describe("fault injection", () => {
  it("answers 429 with Cloudflare's plain-text 1015 page and Retry-After, for `times` requests", async () => {
    sim.faults.add({ path: "^/api/me$", status: 429, retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await api(sim.url, token, "/api/me");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("7");
      expect(res.headers.get("content-type")).toContain("text/plain");
      expect(await res.text()).toBe("error code: 1015");
    }
    expect((await api(sim.url, token, "/api/me")).status).toBe(200);
  });

  it("adds and clears rules over the admin API, with custom bodies", async () => {
    expect((await admin("/faults", [{ method: "GET", path: "/workouts", status: 503 }, { path: "/api/instructor", status: 500, body: { oops: true } }])).status).toBe(200);
    expect((await api(sim.url, token, `/api/user/${DEMO_MEMBER.userId}/workouts`)).status).toBe(503);
    const custom = await api(sim.url, token, "/api/instructor");
    expect(custom.status).toBe(500);
    expect(await custom.json()).toEqual({ oops: true });
    expect((await admin("/faults", undefined, "DELETE")).status).toBe(200);
    expect((await api(sim.url, token, `/api/user/${DEMO_MEMBER.userId}/workouts`)).status).toBe(200);
    expect((await admin("/faults", { status: "nope" })).status).toBe(400);
  });

  it("corrupts JSON bodies on request", async () => {
    sim.faults.add({ path: "/api/me", malformed: true, times: 1 });
    const res = await api(sim.url, token, "/api/me");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("drops the connection on reset", async () => {
    sim.faults.add({ path: "/api/me", reset: true, times: 1 });
    await expect(api(sim.url, token, "/api/me")).rejects.toThrow();
    expect((await api(sim.url, token, "/api/me")).status).toBe(200);
  });

  it("delays responses and tracks concurrent API requests", async () => {
    expect((await admin("/latency", { ms: 60 })).status).toBe(200);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 4 }, () => api(sim.url, token, "/api/me")));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    expect(sim.stats.maxConcurrentApiRequests).toBe(4);
    sim.faults.latencyMs = 0;
    sim.faults.add({ path: "/api/instructor", delayMs: 80, times: 1 });
    const t1 = performance.now();
    expect((await api(sim.url, token, "/api/instructor")).status).toBe(200);
    expect(performance.now() - t1).toBeGreaterThanOrEqual(75);
  });
});

describe("admin endpoints", () => {
  it("moves the clock and expires tokens", async () => {
    const before = z.object({ nowMs: z.number() }).parse(await (await admin("/clock", undefined, "GET")).json());
    const moved = z.object({ nowMs: z.number() }).parse(await (await admin("/clock", { advanceSeconds: 172801 })).json());
    expect(moved.nowMs - before.nowMs).toBeGreaterThanOrEqual(172_801_000);
    expect((await api(sim.url, token, "/api/me")).status).toBe(401);
    const set = z.object({ nowMs: z.number() }).parse(await (await admin("/clock", { nowMs: before.nowMs })).json());
    expect(Math.abs(set.nowMs - before.nowMs)).toBeLessThan(1000);
    expect((await api(sim.url, token, "/api/me")).status).toBe(200);
    expect((await admin("/expire-tokens")).status).toBe(200);
    expect((await api(sim.url, token, "/api/me")).status).toBe(401);
  });

  it("revokes refresh tokens by e-mail or for everyone", async () => {
    const tokens = await login(sim.url, TEST_MEMBERS.other.email, TEST_MEMBERS.other.password);
    const refresh = () =>
      fetch(`${sim.url}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: tokens.refresh_token }),
      });
    expect((await admin("/revoke", { email: DEMO_MEMBER.email })).status).toBe(200);
    const first = await refresh();
    expect(first.status).toBe(200);
    const rotated = z.object({ refresh_token: z.string() }).parse(await first.json());
    expect((await admin("/revoke", {})).status).toBe(200);
    const res = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: rotated.refresh_token }),
    });
    expect(res.status).toBe(403);
  });

  it("adds workouts, resets, reports stats and members", async () => {
    const added = z.object({ id: z.string() }).parse(await (await admin("/workouts", { email: DEMO_MEMBER.email, kind: "tread_run" })).json());
    const latest = z.object({ data: z.array(z.object({ id: z.string(), fitness_discipline: z.string() })) })
      .parse(await (await api(sim.url, token, `/api/user/${DEMO_MEMBER.userId}/workouts?limit=1`)).json());
    expect(latest.data[0]).toEqual(expect.objectContaining({ id: added.id, fitness_discipline: "running" }));
    expect((await admin("/workouts", { email: "nobody@example.com" })).status).toBe(404);

    const stats = z.object({
      loginAttempts: z.number(),
      tokenExchanges: z.object({ authorization_code: z.number(), refresh_token: z.number() }),
      requests: z.array(z.object({ method: z.string(), path: z.string(), status: z.number(), at: z.number() })),
      maxConcurrentApiRequests: z.number(),
    }).parse(await (await admin("/stats", undefined, "GET")).json());
    expect(stats.loginAttempts).toBe(1);
    expect(stats.tokenExchanges.authorization_code).toBe(1);
    expect(stats.requests.every((r) => !r.path.includes("?") && !r.path.startsWith("/__admin"))).toBe(true);
    expect(stats.requests.map((r) => r.path)).toContain("/usernamepassword/login");

    const members = z.array(z.object({ email: z.string(), userId: z.string() })).parse(await (await admin("/members", undefined, "GET")).json());
    expect(members.map((m) => m.email)).toContain(DEMO_MEMBER.email);
    expect(JSON.stringify(members)).not.toContain(DEMO_MEMBER.password);

    expect((await admin("/reset")).status).toBe(200);
    expect(sim.stats.requests).toHaveLength(0);
    expect((await api(sim.url, token, "/api/me")).status).toBe(401);
  });

  it("deletes a workout as a member would on Peloton: it leaves the list and its endpoints answer 404", async () => {
    const listed = async () =>
      z.object({ total: z.number(), data: z.array(z.object({ id: z.string() })) }).parse(await (await api(sim.url, token, `/api/user/${DEMO_MEMBER.userId}/workouts?limit=100`)).json());
    const before = await listed();
    const victim = before.data[3]?.id ?? "";
    expect((await api(sim.url, token, `/api/workout/${victim}`)).status).toBe(200);
    expect((await admin(`/workouts/${victim}`, undefined, "DELETE")).status).toBe(200);
    const after = await listed();
    expect(after.total).toBe(before.total - 1);
    expect(after.data.map((w) => w.id)).not.toContain(victim);
    expect((await api(sim.url, token, `/api/workout/${victim}`)).status).toBe(404);
    expect((await api(sim.url, token, `/api/workout/${victim}/performance_graph?every_n=1`)).status).toBe(404);
    expect((await admin(`/workouts/${victim}`, undefined, "DELETE")).status).toBe(404);
    sim.reset();
    token = (await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password)).access_token;
    expect((await api(sim.url, token, `/api/workout/${victim}`)).status).toBe(200);
  });
});
