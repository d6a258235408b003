import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock } from "../shared/clock";
import { DEMO_ATHLETES, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import { connectAthlete, oauthErrorSchema, refreshTokens } from "./testing";
import { withSimulator } from "../shared/vitest-sim";

// 2026-05-15 12:00 in Denver: every assertion below sees the same seeded data.
const FIXED_NOW = Date.UTC(2026, 4, 15, 18, 0, 0);
const fixedClock = () => new ManualClock({ now: () => FIXED_NOW });

const profileSchema = z.object({
  Id: z.number().int(),
  FirstName: z.string(),
  LastName: z.string(),
  Email: z.string(),
  TimeZone: z.string(),
  BirthMonth: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  Sex: z.enum(["m", "f"]),
  CoachedBy: z.number().int().nullable(),
  Weight: z.number(),
  IsPremium: z.boolean(),
  PreferredUnits: z.enum(["English", "Metric"]),
});
const zoneSetSchema = z.object({
  Threshold: z.number(),
  Zones: z.array(z.object({ Label: z.string(), Minimum: z.number(), Maximum: z.number() })).min(5),
});
const zonesSchema = z.object({
  HeartRateZones: z.object({ Default: zoneSetSchema.extend({ MaxHeartRate: z.number(), RestingHeartRate: z.number(), WorkoutType: z.string() }) }),
  SpeedZones: z.object({ Run: zoneSetSchema }),
  PowerZones: z.object({ Default: zoneSetSchema }),
});
// Responses leave out keys without a value (catalog.ts presentWorkout): every field but the ids may be absent.
const optionalNumber = z.number().optional();
const workoutSchema = z.object({
  Id: z.number().int(),
  AthleteId: z.number().int(),
  WorkoutDay: z.string().regex(/^\d{4}-\d{2}-\d{2}T00:00:00$/).optional(),
  StartTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/).optional(),
  StartTimePlanned: z.string().optional(),
  LastModifiedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/),
  Title: z.string(),
  Description: z.string().optional(),
  Completed: z.boolean(),
  WorkoutType: z.enum(["Bike", "Run", "Strength"]),
  TotalTime: optionalNumber,
  TotalTimePlanned: optionalNumber,
  Distance: optionalNumber,
  TssActual: optionalNumber,
  TssPlanned: optionalNumber,
  TSSPlanned: optionalNumber,
  IF: optionalNumber,
  PowerAverage: optionalNumber,
  NormalizedPower: optionalNumber,
  HeartRateAverage: optionalNumber,
  Calories: optionalNumber,
});
/** Done: TrainingPeaks says Completed, or the workout has its recording (some come back Completed: false). */
const isDone = (w: { Completed: boolean; TotalTime?: number }) => w.Completed || (w.TotalTime ?? 0) > 0;
/** The workout's day: WorkoutDay, or its start's when a response leaves WorkoutDay out. */
const dayOf = (w: { WorkoutDay?: string; StartTime?: string; StartTimePlanned?: string }) => (w.WorkoutDay ?? w.StartTime ?? w.StartTimePlanned ?? "").slice(0, 10);
const workoutsSchema = z.array(workoutSchema.loose());
const PREMIUM_FIELDS = ["Calories", "HeartRateAverage", "HeartRateMaximum", "NormalizedPower", "PowerAverage", "PowerMaximum", "TssActual", "TssPlanned", "IF", "IFPlanned", "CadenceAverage", "VelocityAverage", "ElevationGain", "TempAvg", "Energy", "Rpe", "Feeling", "Tags", "TssCalculationMethod"];

let sim: TrainingPeaksSimulator;
let demo: string;

withSimulator(async () => (sim = await startTrainingPeaksSimulator({ quiet: true, clock: fixedClock() })), async () => {
  demo = (await connectAthlete(sim.url)).access_token;
});

function get(path: string, token: string | null = demo, headers: Record<string, string> = {}) {
  return fetch(new URL(path, sim.url), { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "User-Agent": "AutoCoach/0.1 (+test)", ...headers } });
}

async function workouts(path: string, token = demo) {
  const response = await get(path, token);
  expect(response.status).toBe(200);
  return workoutsSchema.parse(await response.json());
}

describe("authentication", () => {
  it("answers 401 with an empty body for a missing, unknown or malformed bearer token", async () => {
    for (const response of [await get("/v1/athlete/profile", null), await get("/v1/athlete/profile", "gAAAAbogus"), await get("/v1/athlete/profile", null, { Authorization: demo })]) {
      expect(response.status).toBe(401);
      expect(await response.text()).toBe("");
    }
  });

  it("expires access tokens by the simulator clock; refreshing recovers", async () => {
    const tokens = await connectAthlete(sim.url);
    sim.clock.advance(3599 * 1000);
    expect((await get("/v1/athlete/profile", tokens.access_token)).status).toBe(200);
    sim.clock.advance(1000);
    expect((await get("/v1/athlete/profile", tokens.access_token)).status).toBe(401);
    const refreshed = z.object({ access_token: z.string() }).parse(await (await refreshTokens(sim.url, tokens.refresh_token)).json());
    expect((await get("/v1/athlete/profile", refreshed.access_token)).status).toBe(200);
  });

  it("expireAccessTokens() forces 401 on every live token", async () => {
    sim.expireAccessTokens();
    expect((await get("/v1/athlete/profile")).status).toBe(401);
  });

  it("revokeGrants(athleteId) kills access and refresh for that athlete only", async () => {
    const basic = await connectAthlete(sim.url, { athleteId: DEMO_ATHLETES.basic.id });
    const demoTokens = await connectAthlete(sim.url);
    sim.revokeGrants(DEMO_ATHLETES.demo.id);
    expect((await get("/v1/athlete/profile", demoTokens.access_token)).status).toBe(401);
    const refresh = await refreshTokens(sim.url, demoTokens.refresh_token);
    expect(refresh.status).toBe(400);
    expect(oauthErrorSchema.parse(await refresh.json()).error).toBe("invalid_grant");
    expect((await get("/v1/athlete/profile", basic.access_token)).status).toBe(200);
  });
});

describe("scopes", () => {
  it("answers 403 when the token lacks the route's scope", async () => {
    const readOnly = (await connectAthlete(sim.url, { scope: "workouts:read" })).access_token;
    expect((await get("/v1/athlete/profile", readOnly)).status).toBe(403);
    expect((await get("/v1/athlete/profile/zones", readOnly)).status).toBe(403);
    expect((await get("/v2/workouts/2026-05-01/2026-05-10", readOnly)).status).toBe(200);
    const profileOnly = (await connectAthlete(sim.url, { scope: "athlete:profile" })).access_token;
    expect((await get("/v2/workouts/2026-05-01/2026-05-10", profileOnly)).status).toBe(403);
    expect((await get("/v1/info/version", profileOnly)).status).toBe(200);
  });
});

describe("GET /v1/athlete/profile", () => {
  it("returns the demo athlete in the shape of docs/trainingpeaks-api.md §5.1", async () => {
    const profile = profileSchema.parse(await (await get("/v1/athlete/profile")).json());
    expect(profile).toMatchObject({ Id: DEMO_ATHLETES.demo.id, FirstName: "Demo", LastName: "Athlete", IsPremium: true, PreferredUnits: "Metric", CoachedBy: null });
    expect(profile.Weight).toBeCloseTo(72, 0);
  });
});

describe("zones", () => {
  it("serves FTP 265, LTHR 168 and 3.70 m/s on every zones path, case-insensitively", async () => {
    for (const path of ["/v1/athlete/profile/zones", "/v1/athlete/zones", "/V1/Athlete/Profile/Zones/", "/v1/ATHLETE/zones"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const zones = zonesSchema.parse(await response.json());
      expect(zones.PowerZones.Default.Threshold).toBe(265);
      expect(zones.HeartRateZones.Default.Threshold).toBe(168);
      expect(zones.HeartRateZones.Default.MaxHeartRate).toBe(188);
      expect(zones.HeartRateZones.Default.RestingHeartRate).toBe(48);
      expect(zones.SpeedZones.Run.Threshold).toBeCloseTo(3.7, 2);
      expect(zones.PowerZones.Default.Zones[0]).toEqual({ Label: "1 - Active Recovery", Minimum: 0, Maximum: 145 });
    }
  });

  it("serves one family on /v1/athlete/zones/{type} and 400 for an unknown type", async () => {
    for (const type of ["Power", "power"]) {
      const body = z.object({ PowerZones: z.object({ Default: zoneSetSchema }) }).strict().parse(await (await get(`/v1/athlete/zones/${type}`)).json());
      expect(body.PowerZones.Default.Threshold).toBe(265);
    }
    const hr = z.object({ HeartRateZones: z.object({ Default: zoneSetSchema }) }).parse(await (await get("/v1/athlete/zones/HeartRate")).json());
    expect(hr.HeartRateZones.Default.Threshold).toBe(168);
    expect((await get("/v1/athlete/zones/cadence")).status).toBe(400);
  });

  it("gives each athlete their own thresholds", async () => {
    const climber = (await connectAthlete(sim.url, { athleteId: DEMO_ATHLETES.climber.id })).access_token;
    const zones = zonesSchema.parse(await (await get("/v1/athlete/zones", climber)).json());
    expect(zones.PowerZones.Default.Threshold).toBe(310);
  });
});

describe("GET /v2/workouts/{start}/{end}", () => {
  it("returns a bare array of the athlete's workouts within the inclusive range", async () => {
    const list = await workouts("/v2/workouts/2026-04-01/2026-04-30");
    expect(list.length).toBeGreaterThan(10);
    for (const w of list) {
      expect(w.AthleteId).toBe(DEMO_ATHLETES.demo.id);
      expect(dayOf(w) >= "2026-04-01" && dayOf(w) <= "2026-04-30").toBe(true);
      expect(w.Id).toBeGreaterThan(2 ** 31);
      expect(w.Description).toBeUndefined();
      expect(Object.values(w)).not.toContain(null);
    }
    const [first] = list;
    const single = await workouts(`/v2/workouts/${first ? dayOf(first) : ""}/${first ? dayOf(first) : ""}`);
    expect(single.map((w) => w.Id)).toContain(first?.Id);
  });

  it("varies as real responses do: no WorkoutDay on some, Completed: false on some recorded ones, TSSPlanned on some", async () => {
    const list = [...(await workouts("/v2/workouts/2026-03-17/2026-04-15")), ...(await workouts("/v2/workouts/2026-04-16/2026-05-25"))];
    expect(list.filter((w) => w.WorkoutDay === undefined).length).toBeGreaterThan(0);
    expect(list.filter((w) => !w.Completed && (w.TotalTime ?? 0) > 0 && w.StartTime).length).toBeGreaterThan(0);
    expect(list.filter((w) => w.TSSPlanned !== undefined).length).toBeGreaterThan(0);
    expect(list.filter((w) => w.TssPlanned !== undefined).length).toBeGreaterThan(0);
  });

  it("has a realistic, mostly-bike mix of completed history with consistent power metrics", async () => {
    const list = [...(await workouts("/v2/workouts/2026-03-17/2026-04-15")), ...(await workouts("/v2/workouts/2026-04-16/2026-05-14"))];
    const completed = list.filter(isDone);
    const bikes = completed.filter((w) => w.WorkoutType === "Bike");
    expect(completed.length).toBeGreaterThan(25);
    expect(bikes.length / completed.length).toBeGreaterThan(0.5);
    expect(completed.some((w) => w.WorkoutType === "Run")).toBe(true);
    expect(completed.some((w) => w.WorkoutType === "Strength")).toBe(true);
    expect(bikes.some((w) => /^\d+ min Power Zone Ride$/.test(w.Title))).toBe(true);
    for (const w of bikes) {
      expect(w.TotalTime).toBeGreaterThan(0.25);
      expect(w.TotalTime).toBeLessThan(4);
      const np = w.NormalizedPower ?? 0;
      expect(w.IF).toBeCloseTo(np / 265, 2);
      expect(w.TssActual).toBeCloseTo((w.TotalTime ?? 0) * (np / 265) ** 2 * 100, 0);
      expect(w.PowerAverage).toBeLessThanOrEqual(np);
      expect(w.HeartRateAverage).toBeGreaterThan(90);
      expect(w.StartTime).toBeDefined();
    }
  });

  it("has data in the last 30 days and planned (not completed) workouts ahead", async () => {
    expect((await workouts("/v2/workouts/2026-04-15/2026-05-14")).filter(isDone).length).toBeGreaterThan(8);
    const ahead = await workouts("/v2/workouts/2026-05-15/2026-05-25");
    expect(ahead.length).toBeGreaterThan(2);
    for (const w of ahead) {
      expect(w.Completed).toBe(false);
      expect(w.TotalTime).toBeUndefined();
      expect(w.TotalTimePlanned).toBeGreaterThan(0);
      expect(w.StartTimePlanned).toBeDefined();
    }
  });

  it("includes descriptions only with includeDescription=true", async () => {
    const list = await workouts("/v2/workouts/2026-05-01/2026-05-14?includeDescription=true");
    expect(list.every((w) => typeof w.Description === "string" && w.Description.length > 0)).toBe(true);
  });

  it("allows 45 days inclusive and refuses 46", async () => {
    expect((await get("/v2/workouts/2026-01-01/2026-02-14")).status).toBe(200);
    const tooLong = await get("/v2/workouts/2026-01-01/2026-02-15");
    expect(tooLong.status).toBe(400);
    expect(z.array(z.string()).parse(await tooLong.json())[0]).toMatch(/45 days/);
  });

  it("refuses bad dates, reversed ranges and ends more than a year ahead", async () => {
    for (const path of ["/v2/workouts/2026-02-30/2026-03-01", "/v2/workouts/2026-5-1/2026-05-10", "/v2/workouts/yesterday/2026-05-10", "/v2/workouts/2026-05-10/2026-05-01", "/v2/workouts/2027-05-10/2027-05-20"]) {
      expect((await get(path)).status, path).toBe(400);
    }
  });

  it("matches paths case-insensitively and ignores a trailing slash", async () => {
    const canonical = await workouts("/v2/workouts/2026-05-01/2026-05-10");
    expect(await workouts("/V2/Workouts/2026-05-01/2026-05-10/")).toEqual(canonical);
  });
});

describe("GET /v2/workouts/id/{id}", () => {
  it("returns the athlete's own workout and 404 for anyone else's", async () => {
    const [mine] = await workouts("/v2/workouts/2026-05-01/2026-05-10");
    const response = await get(`/v2/workouts/id/${mine?.Id}`);
    expect(response.status).toBe(200);
    expect(workoutSchema.parse(await response.json()).Id).toBe(mine?.Id);
    const climber = (await connectAthlete(sim.url, { athleteId: DEMO_ATHLETES.climber.id })).access_token;
    expect((await get(`/v2/workouts/id/${mine?.Id}`, climber)).status).toBe(404);
    expect((await get("/v2/workouts/id/999999999999")).status).toBe(404);
  });
});

describe("basic athlete", () => {
  it("gets no premium-only field at all, in lists and by id", async () => {
    const token = (await connectAthlete(sim.url, { athleteId: DEMO_ATHLETES.basic.id })).access_token;
    const profile = profileSchema.parse(await (await get("/v1/athlete/profile", token)).json());
    expect(profile.IsPremium).toBe(false);
    const list = await workouts("/v2/workouts/2026-04-20/2026-05-20", token);
    expect(list.some((w) => w.Completed)).toBe(true);
    for (const w of list) {
      for (const field of PREMIUM_FIELDS) expect(w[field], field).toBeUndefined();
      if (w.Completed) expect(w.TotalTime).toBeGreaterThan(0);
    }
    const byId = z.record(z.string(), z.unknown()).parse(await (await get(`/v2/workouts/id/${list[0]?.Id}`, token)).json());
    for (const field of PREMIUM_FIELDS) expect(byId[field], field).toBeUndefined();
  });
});

describe("routing", () => {
  it("answers unknown routes with the IIS 404 page before checking auth", async () => {
    for (const path of ["/v1/nope", "/v2/workouts/changed", "/favicon.ico"]) {
      const response = await get(path, null);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("404 - File or directory not found.");
    }
  });

  it("answers 405 for a wrong method on a known route", async () => {
    const response = await fetch(new URL("/v1/athlete/profile", sim.url), { method: "POST", headers: { Authorization: `Bearer ${demo}` } });
    expect(response.status).toBe(405);
  });

  it("serves /v1/info/version and records each API request's User-Agent", async () => {
    const response = await get("/v1/info/version");
    expect(z.object({ Version: z.string(), Build: z.string() }).parse(await response.json()).Version).toBeTruthy();
    await fetch(new URL("/v1/info/version", sim.url), { headers: { Authorization: `Bearer ${demo}`, "User-Agent": "Other/2.0" } });
    expect(sim.stats.userAgents).toEqual(["AutoCoach/0.1 (+test)", "Other/2.0"]);
    expect(sim.stats.requests.at(-1)).toEqual({ method: "GET", path: "/v1/info/version", status: 200 });
  });

  it("serves each workout's Url as a page", async () => {
    const [w] = z.array(z.object({ Url: z.string(), Title: z.string() })).parse(await (await get("/v2/workouts/2026-05-01/2026-05-10")).json());
    const page = await fetch(w?.Url ?? "");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(w?.Title.replaceAll("&", "&amp;"));
  });
});

describe("determinism", () => {
  it("two simulators with the same clock return identical workouts", async () => {
    const other = await startTrainingPeaksSimulator({ quiet: true, clock: fixedClock(), publicUrl: sim.url });
    try {
      const token = other.issueTokens().access_token;
      const path = "/v2/workouts/2026-04-01/2026-05-15?includeDescription=true";
      const a = await (await get(path)).text();
      const b = await (await fetch(new URL(path, `http://localhost:${other.port}`), { headers: { Authorization: `Bearer ${token}` } })).text();
      expect(b).toBe(a);
    } finally {
      await other.close();
    }
  });
});
