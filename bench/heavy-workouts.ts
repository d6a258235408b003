import { startPelotonSimulator, TEST_MEMBERS } from "../sandbox/peloton/server";

/** One workout of the heavy member as Peloton sends it: the workout and its 1-second performance graph. */
export interface RawWorkout {
  workout: Buffer;
  graph: Buffer;
}

/**
 * The heavy member's first `n` workouts, fetched once from an in-process simulator as the sync fetches them, and the
 * sync's pure stages for one of them (parse, zod, transform, series codec, analytics), with no network, KV or
 * database. Shared by bench/sync-stages.ts and bench/sync-floor.ts.
 */
export async function loadHeavyWorkouts(n: number) {
  const sim = await startPelotonSimulator({ quiet: true, heavyMemberWorkouts: n });
  try {
    const { loginWithPassword } = await import("../server/providers/peloton/auth/login");
    const tokens = await loginWithPassword({ ...TEST_MEMBERS.heavy, authBaseUrl: sim.url });
    const headers = { Authorization: `Bearer ${tokens.accessToken}`, "Peloton-Platform": "web" };
    const get = async (path: string) => Buffer.from(await (await fetch(`${sim.url}${path}`, { headers })).arrayBuffer());
    const me = JSON.parse((await get("/api/me")).toString()) as { id: string };
    const ids: string[] = [];
    for (let page = 0; ids.length < n; page++) {
      const list = JSON.parse((await get(`/api/user/${me.id}/workouts?page=${page}&limit=100`)).toString()) as { data: { id: string }[]; show_next: boolean };
      ids.push(...list.data.map((w) => w.id));
      if (!list.show_next) break;
    }
    const raw: RawWorkout[] = [];
    for (const id of ids.slice(0, n)) raw.push({ workout: await get(`/api/workout/${id}?joins=ride,ride.instructor`), graph: await get(`/api/workout/${id}/performance_graph?every_n=1`) });
    return { raw, stages: await pureStages() };
  } finally {
    await sim.close();
  }
}

/** The sync's pure stages, each over a list, as bench/sync-stages.ts times them one by one. */
async function pureStages() {
  const { workoutSchema, performanceGraphSchema } = await import("../server/providers/peloton/api/workout-schemas");
  const { transformWorkout } = await import("../server/providers/peloton/transform/workout");
  const { encodeSeriesStored } = await import("../server/db/series-codec");
  const { computeAnalytics } = await import("../server/analytics/compute");
  const { analysisSubjectOf } = await import("../server/queries/workout-analysis-input");
  const { thresholdResolver } = await import("../lib/metrics/thresholds-at");
  const ctx = {
    settings: { units: "metric" as const, timeZone: "UTC", timeZoneChosen: false, providerTimeZone: null, ftpSource: "peloton" as const },
    entries: [],
    resolver: thresholdResolver({ entries: [], ftpSource: "peloton" }),
  };
  type Transformed = ReturnType<typeof transformWorkout>;
  type Encoded = ReturnType<typeof encodeSeriesStored> | null;
  const zod = (j: { workout: unknown; graph: unknown }) => ({ workout: workoutSchema.parse(j.workout), graph: performanceGraphSchema.parse(j.graph) });
  const stages = {
    parse: (r: RawWorkout) => ({ workout: JSON.parse(r.workout.toString("utf8")) as unknown, graph: JSON.parse(r.graph.toString("utf8")) as unknown }),
    zod,
    transform: (p: ReturnType<typeof zod>) => transformWorkout({ workout: p.workout, graph: p.graph, fallbackFtp: 200 }),
    encode: (t: Transformed): Encoded => (t.series && t.series.length > 0 ? encodeSeriesStored(t.series) : null),
    analytics: (t: Transformed, e: Encoded) => {
      const details = { segments: t.segments, targets: t.targets ?? null, distance: t.summary.distance, distanceUnit: t.summary.distanceUnit };
      return computeAnalytics(analysisSubjectOf({ ...t.workout, series: e?.stored ?? null }, details, null), ctx);
    },
  };
  /** Every stage of one workout, as the sync runs them. */
  const whole = (r: RawWorkout) => {
    const t = stages.transform(stages.zod(stages.parse(r)));
    return stages.analytics(t, stages.encode(t));
  };
  return { ...stages, whole };
}
