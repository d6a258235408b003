/**
 * `npx tsx --conditions=react-server bench/sync-stages.ts`: the pure CPU of each stage of one workout's sync, without
 * the network, the KV or the database: the heavy member's workouts and performance graphs are fetched once from an
 * in-process simulator, then each stage runs over all of them several times (the best pass is reported, per workout).
 * It is the floor under `npm run bench:sync`'s cpu_ms_per_workout, stage by stage (docs/quality.md "Sync CPU per workout").
 *   BENCH_STAGE_WORKOUTS (default 300), BENCH_STAGE_PASSES (5)
 */
import { startPelotonSimulator, TEST_MEMBERS } from "../sandbox/peloton/server";

const N = Number(process.env.BENCH_STAGE_WORKOUTS ?? 300);
const PASSES = Number(process.env.BENCH_STAGE_PASSES ?? 5);

async function main() {
  const sim = await startPelotonSimulator({ quiet: true, heavyMemberWorkouts: N });
  const { loginWithPassword } = await import("../server/providers/peloton/auth/login");
  const { workoutSchema, performanceGraphSchema } = await import("../server/providers/peloton/api/workout-schemas");
  const { transformWorkout } = await import("../server/providers/peloton/transform/workout");
  const { encodeSeriesStored } = await import("../server/db/series-codec");
  const { computeAnalytics } = await import("../server/analytics/compute");
  const { analysisSubjectOf } = await import("../server/queries/workout-analysis-input");
  const { thresholdResolver } = await import("../lib/metrics/thresholds-at");
  try {
    const tokens = await loginWithPassword({ ...TEST_MEMBERS.heavy, authBaseUrl: sim.url });
    const headers = { Authorization: `Bearer ${tokens.accessToken}`, "Peloton-Platform": "web" };
    const get = async (path: string) => Buffer.from(await (await fetch(`${sim.url}${path}`, { headers })).arrayBuffer());
    const me = JSON.parse((await get("/api/me")).toString()) as { id: string };
    const ids: string[] = [];
    for (let page = 0; ids.length < N; page++) {
      const list = JSON.parse((await get(`/api/user/${me.id}/workouts?page=${page}&limit=100`)).toString()) as { data: { id: string }[]; show_next: boolean };
      ids.push(...list.data.map((w) => w.id));
      if (!list.show_next) break;
    }
    const raw: { workout: Buffer; graph: Buffer }[] = [];
    for (const id of ids.slice(0, N)) raw.push({ workout: await get(`/api/workout/${id}?joins=ride,ride.instructor`), graph: await get(`/api/workout/${id}/performance_graph?every_n=1`) });
    const n = raw.length;
    const workoutKb = raw.reduce((s, r) => s + r.workout.length, 0) / n / 1024;
    const graphKb = raw.reduce((s, r) => s + r.graph.length, 0) / n / 1024;

    const ctx = { settings: { units: "metric" as const, timeZone: "UTC", timeZoneChosen: false, providerTimeZone: null, ftpSource: "peloton" as const }, entries: [], resolver: thresholdResolver({ entries: [], ftpSource: "peloton" }) };
    const results: [string, number][] = [];
    function stage<T>(name: string, run: () => T): T {
      let best = Number.POSITIVE_INFINITY;
      let out: T | undefined;
      for (let pass = 0; pass < PASSES; pass++) {
        const t0 = process.cpuUsage();
        out = run();
        const t = process.cpuUsage(t0);
        best = Math.min(best, (t.user + t.system) / 1000 / n);
      }
      results.push([name, best]);
      return out as T;
    }
    const json = stage("JSON.parse (workout + graph)", () => raw.map((r) => ({ workout: JSON.parse(r.workout.toString("utf8")) as unknown, graph: JSON.parse(r.graph.toString("utf8")) as unknown })));
    const parsed = stage("zod (workout + graph)", () => json.map((j) => ({ workout: workoutSchema.parse(j.workout), graph: performanceGraphSchema.parse(j.graph) })));
    const transformed = stage("transformWorkout", () => parsed.map((p) => transformWorkout({ workout: p.workout, graph: p.graph, fallbackFtp: 200 })));
    const encoded = stage("encodeSeriesStored", () => transformed.map((t) => (t.series && t.series.length > 0 ? encodeSeriesStored(t.series) : null)));
    stage("computeAnalytics", () =>
      transformed.map((t, i) => {
        const details = { segments: t.segments, targets: t.targets ?? null, distance: t.summary.distance, distanceUnit: t.summary.distanceUnit };
        return computeAnalytics(analysisSubjectOf({ ...t.workout, series: encoded[i]?.stored ?? null }, details, null), ctx);
      }),
    );
    const total = results.reduce((s, [, v]) => s + v, 0);
    console.log(`Sync stages, pure CPU per workout (best of ${PASSES} passes over ${n} workouts of the heavy member; ${(workoutKb + graphKb).toFixed(0)} KB of JSON per workout: ${workoutKb.toFixed(0)} KB workout + ${graphKb.toFixed(0)} KB graph)`);
    for (const [name, v] of results) console.log(`  ${name.padEnd(32)} ${v.toFixed(3).padStart(7)} ms`);
    console.log(`  ${"total".padEnd(32)} ${total.toFixed(3).padStart(7)} ms`);
  } finally {
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
