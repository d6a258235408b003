/**
 * `npx tsx --conditions=react-server bench/sync-stages.ts`: the pure CPU of each stage of one workout's sync, without
 * the network, the KV or the database: the heavy member's workouts and performance graphs are fetched once from an
 * in-process simulator, then each stage runs over all of them several times (the best pass is reported, per workout).
 * It is the floor under `npm run bench:sync`'s cpu_ms_per_workout, stage by stage (docs/quality.md "Sync CPU per workout").
 *   BENCH_STAGE_WORKOUTS (default 300), BENCH_STAGE_PASSES (5)
 */
import { loadHeavyWorkouts } from "./heavy-workouts";

const N = Number(process.env.BENCH_STAGE_WORKOUTS ?? 300);
const PASSES = Number(process.env.BENCH_STAGE_PASSES ?? 5);

async function main() {
  const { raw, stages } = await loadHeavyWorkouts(N);
  const n = raw.length;
  const workoutKb = raw.reduce((s, r) => s + r.workout.length, 0) / n / 1024;
  const graphKb = raw.reduce((s, r) => s + r.graph.length, 0) / n / 1024;
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
  const json = stage("JSON.parse (workout + graph)", () => raw.map(stages.parse));
  const parsed = stage("zod (workout + graph)", () => json.map(stages.zod));
  const transformed = stage("transformWorkout", () => parsed.map(stages.transform));
  const encoded = stage("encodeSeriesStored", () => transformed.map(stages.encode));
  stage("computeAnalytics", () => transformed.map((t, i) => stages.analytics(t, encoded[i] ?? null)));
  const total = results.reduce((s, [, v]) => s + v, 0);
  console.log(`Sync stages, pure CPU per workout (best of ${PASSES} passes over ${n} workouts of the heavy member; ${(workoutKb + graphKb).toFixed(0)} KB of JSON per workout: ${workoutKb.toFixed(0)} KB workout + ${graphKb.toFixed(0)} KB graph)`);
  for (const [name, v] of results) console.log(`  ${name.padEnd(32)} ${v.toFixed(3).padStart(7)} ms`);
  console.log(`  ${"total".padEnd(32)} ${total.toFixed(3).padStart(7)} ms`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
