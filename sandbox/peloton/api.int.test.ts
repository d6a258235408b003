import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DEMO_MEMBER, TEST_MEMBERS, startPelotonSimulator, type PelotonSimulator } from "./server";
import { api, login } from "./test-kit";

const JUST_RIDE = "00000000000000000000000000000000";
const HISTORY_END = Date.UTC(2026, 5, 15);
let sim: PelotonSimulator;
let token: string;

const workoutSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  created_at: z.number(),
  status: z.enum(["COMPLETE", "IN_PROGRESS"]),
  fitness_discipline: z.string(),
  end_time: z.number().nullable(),
  total_work: z.number(),
  ride: z.object({ id: z.string(), title: z.string(), instructor: z.object({ name: z.string() }).nullable().optional() }).optional(),
});
const pageSchema = z.object({
  data: z.array(workoutSchema),
  limit: z.number(),
  page: z.number(),
  total: z.number(),
  count: z.number(),
  page_count: z.number(),
  show_previous: z.boolean(),
  show_next: z.boolean(),
  sort_by: z.string(),
  next: z.object({ workout_id: z.string(), created_at: z.number() }).optional(),
});
const metricSchema = z.object({ slug: z.string(), values: z.array(z.number().nullable()), average_value: z.number(), max_value: z.number() });
const graphSchema = z.object({
  duration: z.number(),
  seconds_since_pedaling_start: z.array(z.number()),
  metrics: z.array(metricSchema.extend({ alternatives: z.array(metricSchema).optional() })),
  summaries: z.array(z.object({ slug: z.string(), value: z.number(), display_unit: z.string().nullable() })),
  average_summaries: z.array(z.object({ slug: z.string(), value: z.number() })),
  segment_list: z.array(z.object({ start_time_offset: z.number(), length: z.number() })),
  // absent for classes with instructor cues instead of target metrics (data/quirks.ts)
  target_metrics_performance_data: z.object({ target_metrics: z.array(z.unknown()), time_in_metric: z.array(z.object({ name: z.string(), value: z.number() })) }).optional(),
  location_data: z.array(z.object({ coordinates: z.array(z.object({ latitude: z.number(), longitude: z.number() })) })).optional(),
});
const targetSchema = z.object({
  offsets: z.object({ start: z.number(), end: z.number() }),
  segment_type: z.string(),
  metrics: z.array(z.object({ name: z.string(), lower: z.number(), upper: z.number() })),
});
const detailsSchema = z.object({
  ride: z.object({ id: z.string(), duration: z.number(), pedaling_start_offset: z.number(), fitness_discipline: z.string() }),
  is_power_zone_class: z.boolean(),
  is_ftp_test: z.boolean(),
  instructor_cues: z.array(z.object({ offsets: z.object({ start: z.number(), end: z.number() }), cadence_range: z.object({ lower: z.number(), upper: z.number() }) })),
  target_metrics_data: z.object({
    target_metrics: z.array(targetSchema),
    total_expected_output: z.object({ expected_upper_output: z.number(), expected_lower_output: z.number() }).optional(),
    pace_intensities: z.array(z.object({ value: z.number(), display_name: z.string(), pace_levels: z.array(z.object({ slug: z.string() })) })).optional(),
  }),
});

async function json(path: string, headers: Record<string, string> = {}, as = token): Promise<unknown> {
  const res = await api(sim.url, as, path, headers);
  expect(res.status, path).toBe(200);
  return res.json();
}

async function allWorkouts(userId = DEMO_MEMBER.userId, as = token) {
  const out: z.infer<typeof workoutSchema>[] = [];
  for (let page = 0; ; page++) {
    const body = pageSchema.parse(await json(`/api/user/${userId}/workouts?limit=100&page=${page}&sort_by=-created&joins=ride`, {}, as));
    out.push(...body.data);
    if (!body.show_next) return out;
  }
}

beforeAll(async () => {
  sim = await startPelotonSimulator({ quiet: true, historyEndMs: HISTORY_END });
  token = (await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password)).access_token;
});
afterAll(() => sim.close());

describe("member API basics (docs/peloton-api.md §4–§5)", () => {
  it("answers 401 error_code 3020 without a valid bearer", async () => {
    for (const auth of [undefined, "not-a-jwt", ""]) {
      const res = await api(sim.url, auth, "/api/me");
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ status: 401, error_code: 3020, subcode: null, message: "Not logged in", details: null });
    }
  });

  it("serves /api/me and /api/user/{id|username}", async () => {
    const me = z.object({ id: z.string(), username: z.string(), total_workouts: z.number(), cycling_ftp: z.number(), cycling_ftp_source: z.string() })
      .parse(await json("/api/me"));
    expect(me).toMatchObject({ id: DEMO_MEMBER.userId, username: DEMO_MEMBER.username, total_workouts: 320, cycling_ftp_source: "ftp_workout_source" });
    expect(me.cycling_ftp).toBeGreaterThan(190);
    expect(await json(`/api/user/${DEMO_MEMBER.username}`)).toMatchObject({ id: DEMO_MEMBER.userId, email: DEMO_MEMBER.email });
    expect(await json(`/api/user/${TEST_MEMBERS.other.userId}`)).toEqual(expect.objectContaining({ is_profile_private: true }));
  });

  it("requires Peloton-Platform: web for the overview", async () => {
    const res = await api(sim.url, token, `/api/user/${DEMO_MEMBER.userId}/overview?version=1`, { "Peloton-Platform": "" });
    expect(res.status).toBe(403);
    const overview = z.object({
      workout_counts: z.object({ total_workouts: z.number(), workouts: z.array(z.object({ slug: z.string(), count: z.number() })) }),
      streaks: z.object({ current_weekly: z.number(), best_weekly: z.number() }),
      personal_records: z.array(z.object({ records: z.array(z.object({ slug: z.string(), value: z.number(), workout_id: z.string() })) })),
      achievements: z.array(z.object({ slug: z.string() })),
    }).parse(await json(`/api/user/${DEMO_MEMBER.userId}/overview?version=1`));
    expect(overview.workout_counts.total_workouts).toBe(320);
    expect(overview.workout_counts.workouts.reduce((a, w) => a + w.count, 0)).toBe(320);
    expect(overview.streaks.best_weekly).toBeGreaterThanOrEqual(overview.streaks.current_weekly);
    expect(overview.streaks.best_weekly).toBeGreaterThan(3);
    const records = overview.personal_records[0]?.records ?? [];
    expect(records.length).toBeGreaterThan(2);
    for (const record of records.slice(0, 3)) {
      const workout = workoutSchema.parse(await json(`/api/workout/${record.workout_id}`));
      expect(Math.round(workout.total_work / 1000)).toBe(record.value);
    }
  });

  it("pages workouts newest first with the envelope of docs/peloton-api.md §5.4 and a 100 cap", async () => {
    const first = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=500&page=0&sort_by=-created`));
    expect(first).toMatchObject({ limit: 100, page: 0, total: 320, count: 100, page_count: 4, show_previous: false, show_next: true, sort_by: "-created_at,-pk" });
    const second = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=100&page=1`));
    expect(first.next?.workout_id).toBe(second.data[0]?.id);
    expect(second.show_previous).toBe(true);
    const last = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=100&page=3`));
    expect(last).toMatchObject({ count: 20, show_next: false });
    expect(last.next).toBeUndefined();
    const all = await allWorkouts();
    expect(new Set(all.map((w) => w.id)).size).toBe(320);
    for (let i = 1; i < all.length; i++) expect((all[i - 1]?.created_at ?? 0) >= (all[i]?.created_at ?? 0)).toBe(true);
    expect(first.data[0]?.status).toBe("IN_PROGRESS");
    expect(first.data[0]?.end_time).toBeNull();
    expect(first.data[0]?.ride).toBeUndefined();
    const joined = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=5&joins=ride,ride.instructor`));
    expect(joined.data.find((w) => w.ride?.id !== JUST_RIDE)?.ride?.instructor?.name).toBeTruthy();
    const disciplines = new Set(all.map((w) => w.fitness_discipline));
    for (const d of ["cycling", "running", "walking", "caesar", "strength", "meditation", "stretching"]) expect(disciplines).toContain(d);
    expect(all.some((w) => w.ride?.id === JUST_RIDE)).toBe(true);
  });

  it("keeps members' data apart", async () => {
    const all = await allWorkouts();
    const otherToken = (await login(sim.url, TEST_MEMBERS.other.email, TEST_MEMBERS.other.password)).access_token;
    expect((await api(sim.url, otherToken, `/api/workout/${all[5]?.id}`)).status).toBe(403);
    expect((await api(sim.url, otherToken, `/api/user/${DEMO_MEMBER.userId}/workouts`)).status).toBe(403);
    expect((await api(sim.url, token, `/api/workout/${"f".repeat(32)}`)).status).toBe(404);
  });
});

describe("workout detail, graphs and class targets (docs/peloton-api.md §5.5–§5.7)", () => {
  it("returns performance graphs at every_n, aligned, with nulls somewhere", async () => {
    const all = await allWorkouts();
    const ride = all.find((w) => w.fitness_discipline === "cycling" && w.status === "COMPLETE" && w.ride?.id !== JUST_RIDE);
    const full = graphSchema.parse(await json(`/api/workout/${ride?.id}/performance_graph?every_n=1`));
    expect(full.seconds_since_pedaling_start).toEqual(Array.from({ length: full.duration }, (_, i) => i + 1));
    const slugs = full.metrics.map((m) => m.slug);
    expect(slugs.slice(0, 4)).toEqual(["output", "cadence", "resistance", "speed"]);
    for (const m of full.metrics) expect(m.values).toHaveLength(full.duration);
    const output = full.metrics.find((m) => m.slug === "output")?.values ?? [];
    const sum = output.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(Math.abs(sum - (ride?.total_work ?? 0)) / (ride?.total_work ?? 1)).toBeLessThan(0.01);
    expect(full.summaries.find((s) => s.slug === "total_output")?.value).toBe(Math.round((ride?.total_work ?? 0) / 1000));
    const tenth = graphSchema.parse(await json(`/api/workout/${ride?.id}/performance_graph?every_n=10`));
    const offsets = tenth.seconds_since_pedaling_start;
    expect(offsets.slice(0, 3)).toEqual([1, 11, 21]);
    expect(offsets[offsets.length - 1]).toBe(full.duration);
    for (const m of tenth.metrics) expect(m.values).toHaveLength(offsets.length);
    expect((await api(sim.url, token, `/api/workout/${ride?.id}/performance_graph?every_n=0`)).status).toBe(400);

    let nulls = 0;
    for (const w of all.filter((x) => x.fitness_discipline === "cycling").slice(0, 40)) {
      const g = graphSchema.parse(await json(`/api/workout/${w.id}/performance_graph?every_n=1`));
      nulls += g.metrics.flatMap((m) => m.values).filter((v) => v === null).length;
    }
    expect(nulls).toBeGreaterThan(0);
  });

  it("sends GPS for outdoor workouts only to the web platform", async () => {
    const walk = (await allWorkouts()).find((w) => w.fitness_discipline === "walking" && w.ride?.title.includes("Outdoor"));
    const web = graphSchema.parse(await json(`/api/workout/${walk?.id}/performance_graph?every_n=5`));
    expect(web.location_data?.[0]?.coordinates.length).toBeGreaterThan(10);
    expect(web.metrics.map((m) => m.slug)).toEqual(expect.arrayContaining(["pace", "altitude"]));
    const app = graphSchema.parse(await json(`/api/workout/${walk?.id}/performance_graph?every_n=5`, { "Peloton-Platform": "ios" }));
    expect(app.location_data).toBeUndefined();
  });

  it("describes classes with power-zone, cue and pace targets", async () => {
    const all = await allWorkouts();
    const detailsOf = async (predicate: (title: string) => boolean) => {
      const w = all.find((x) => x.ride && predicate(x.ride.title));
      return detailsSchema.parse(await json(`/api/ride/${w?.ride?.id}/details`));
    };
    const pz = await detailsOf((t) => t.includes("Power Zone Ride"));
    expect(pz.is_power_zone_class).toBe(true);
    const targets = pz.target_metrics_data.target_metrics;
    expect(targets[0]?.offsets.start).toBe(60);
    expect(targets[0]?.metrics[0]).toMatchObject({ name: "power_zone" });
    for (let i = 1; i < targets.length; i++) expect(targets[i]?.offsets.start).toBe((targets[i - 1]?.offsets.end ?? 0) + 1);
    expect(targets[targets.length - 1]?.offsets.end).toBe(60 + pz.ride.duration - 1);
    expect(pz.target_metrics_data.total_expected_output?.expected_upper_output).toBeGreaterThan(pz.target_metrics_data.total_expected_output?.expected_lower_output ?? 0);
    const climb = await detailsOf((t) => t.includes("Climb"));
    expect(climb.is_power_zone_class).toBe(false);
    expect(climb.instructor_cues.length).toBeGreaterThan(3);
    const run = await detailsOf((t) => t.includes("Run"));
    expect(run.target_metrics_data.target_metrics[0]?.metrics.map((m) => m.name)).toContain("pace_intensity");
    expect(run.target_metrics_data.pace_intensities?.[0]?.pace_levels).toHaveLength(10);
    const ftp = await detailsOf((t) => t.includes("FTP Test"));
    expect(ftp.is_ftp_test).toBe(true);
    expect((await api(sim.url, token, `/api/ride/${JUST_RIDE}/details`)).status).toBe(404);
  });

  it("reports the FTP going into each ride, raised by FTP tests", async () => {
    const rides = (await allWorkouts()).filter((w) => w.fitness_discipline === "cycling" && w.ride?.title.includes("FTP Test")).reverse();
    const details = [];
    for (const w of rides.slice(0, 4)) {
      details.push(z.object({ ftp_info: z.object({ ftp: z.number(), ftp_source: z.string().nullable() }) }).parse(await json(`/api/workout/${w.id}`)));
    }
    expect(details[1]?.ftp_info.ftp_source).toBe("ftp_workout_source");
    const justRide = (await allWorkouts()).find((w) => w.ride?.id === JUST_RIDE);
    expect((await api(sim.url, token, `/api/workout/${justRide?.id}?joins=peloton,peloton.ride`)).status).toBe(400);
    expect(await json(`/api/workout/${justRide?.id}?joins=ride,ride.instructor`)).toMatchObject({ workout_type: "freestyle", peloton_id: null, ftp_info: { ftp: 0 } });
  });

  it("serves instructors", async () => {
    const list = z.object({ data: z.array(z.object({ id: z.string(), name: z.string() })), total: z.number() }).parse(await json("/api/instructor?limit=100&page=0"));
    expect(list.total).toBe(list.data.length);
    expect(await json(`/api/instructor/${list.data[0]?.id}`)).toMatchObject({ id: list.data[0]?.id, coach_type: "peloton_coach" });
  });
});

describe("determinism, scale and change", () => {
  it("generates the same world on every run", async () => {
    const twin = await startPelotonSimulator({ quiet: true, historyEndMs: HISTORY_END });
    try {
      const twinToken = (await login(twin.url, DEMO_MEMBER.email, DEMO_MEMBER.password)).access_token;
      const path = `/api/user/${DEMO_MEMBER.userId}/workouts?limit=50&page=2`;
      const a = await json(path);
      const b = await (await api(twin.url, twinToken, path)).json();
      expect(b).toEqual(a);
      const id = pageSchema.parse(a).data[3]?.id;
      const graph = `/api/workout/${id}/performance_graph?every_n=1`;
      expect(await (await api(twin.url, twinToken, graph)).json()).toEqual(await json(graph));
    } finally {
      await twin.close();
    }
  });

  it("starts fast and builds the heavy member lazily", async () => {
    const t0 = performance.now();
    const big = await startPelotonSimulator({ quiet: true, historyEndMs: HISTORY_END });
    const startup = performance.now() - t0;
    try {
      expect(startup).toBeLessThan(1000);
      const heavy = (await login(big.url, TEST_MEMBERS.heavy.email, TEST_MEMBERS.heavy.password)).access_token;
      const first = pageSchema.parse(await (await api(big.url, heavy, `/api/user/${TEST_MEMBERS.heavy.userId}/workouts?limit=100&page=0`)).json());
      expect(first).toMatchObject({ total: 3000, page_count: 30, count: 100 });
      const last = pageSchema.parse(await (await api(big.url, heavy, `/api/user/${TEST_MEMBERS.heavy.userId}/workouts?limit=100&page=29`)).json());
      expect(last.show_next).toBe(false);
      const oldest = last.data[last.data.length - 1];
      const graph = await api(big.url, heavy, `/api/workout/${oldest?.id}/performance_graph?every_n=1`);
      expect(graph.status).toBe(200);
    } finally {
      await big.close();
    }
  });

  it("lets a new workout appear for sync tests", async () => {
    const before = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=1`));
    const id = sim.addWorkout(DEMO_MEMBER.email, { kind: "power_zone", durationMinutes: 30 });
    const after = pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=1`));
    expect(after.total).toBe(before.total + 1);
    expect(after.data[0]?.id).toBe(id);
    const graph = graphSchema.parse(await json(`/api/workout/${id}/performance_graph?every_n=1`));
    expect(graph.duration).toBe(1800);
    sim.reset();
    token = (await login(sim.url, DEMO_MEMBER.email, DEMO_MEMBER.password)).access_token;
    expect(pageSchema.parse(await json(`/api/user/${DEMO_MEMBER.userId}/workouts?limit=1`)).total).toBe(before.total);
  });
});
