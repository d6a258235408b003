/**
 * `npm run bench:sync`: a full sync of the simulator's heavy member (3,000 workouts) with 150 ms of injected
 * latency per request, driven step by step exactly as the app drives it; then the contention scenario
 * (bench/sync-contention.ts): 20 users sharing that one Peloton account step at once against a slower simulator.
 * Prints figures; asserts nothing.
 *   BENCH_WORKOUTS (default 3000), BENCH_LATENCY_MS (150), BENCH_CONCURRENCY (4), BENCH_STEP_MS (8000)
 *   BENCH_CONTENTION_USERS (20), BENCH_CONTENTION_ROUNDS (3 steps each), BENCH_CONTENTION_LATENCY_MS (400)
 *   BENCH_DATABASE_URL: a PostgreSQL server URL (default: 127.0.0.1:5432 if reachable, else embedded PGlite)
 *   BENCH_SIM_PORT (4290): the simulator's port
 *   BENCH_REDIS_URL: the Redis behind the KV's Upstash REST bridge (default redis://127.0.0.1:6379/13)
 * The simulator and the KV bridge run in their own processes so their CPU and memory are not counted against the step.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { openBenchDatabase, setBenchServerEnv } from "./bench-db";
import { startBenchKv } from "./kv-bridge";
import { runContention } from "./sync-contention";

const WORKOUTS = Number(process.env.BENCH_WORKOUTS ?? 3000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STEP_MS = Number(process.env.BENCH_STEP_MS ?? 8000);
const CONTENTION_USERS = Number(process.env.BENCH_CONTENTION_USERS ?? 20);
const CONTENTION_ROUNDS = Number(process.env.BENCH_CONTENTION_ROUNDS ?? 3);
const CONTENTION_LATENCY_MS = Number(process.env.BENCH_CONTENTION_LATENCY_MS ?? 400);
const SIM_PORT = Number(process.env.BENCH_SIM_PORT ?? 4290);
/** Run the steps like a small serverless function: V8's old space capped (BENCH_HEAP_MB=0 to leave it uncapped). */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 128);

async function startSimulator() {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["sandbox/peloton/main.ts", "--port", String(SIM_PORT), "--heavy-workouts", String(WORKOUTS), "--quiet"], {
    env: { ...process.env, PELOTON_SIM_HEAVY_WORKOUTS: String(WORKOUTS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://localhost:${SIM_PORT}`;
  // Never drive somebody else's simulator: a port already taken makes ours exit, and the bench stops.
  let exited = false;
  child.once("exit", () => (exited = true));
  const probe = await fetch(`${url}/__admin/stats`).then(() => true, () => false);
  if (probe) throw new Error(`port ${SIM_PORT} is already in use: set BENCH_SIM_PORT`);
  for (let i = 0; i < 100; i++) {
    if (exited) throw new Error(`the simulator did not start on port ${SIM_PORT} (set BENCH_SIM_PORT)`);
    try {
      const res = await fetch(`${url}/__admin/stats`);
      if (res.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const setLatency = async (ms: number) => {
    const latency = await fetch(`${url}/__admin/latency`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ms }) });
    if (!latency.ok) throw new Error(`could not set simulator latency (${latency.status})`);
  };
  await setLatency(LATENCY_MS);
  return { url, setLatency, stop: async () => {
    child.kill("SIGTERM");
    await once(child, "exit");
  } };
}

async function main() {
  const sim = await startSimulator();
  const db = await openBenchDatabase();
  const kv = await startBenchKv();
  if (kv) {
    process.env.KV_REST_API_URL = kv.url;
    process.env.KV_REST_API_TOKEN = kv.token;
  }
  setBenchServerEnv(db.url);
  process.env.PELOTON_SIMULATOR_URL = sim.url;
  const { getDb, closeDb } = await import("../server/db/client");
  const { connectPeloton } = await import("../server/accounts/peloton");
  const { startSyncJob } = await import("../server/sync/job");
  const { syncStep } = await import("../server/sync/service");
  const { TEST_MEMBERS } = await import("../sandbox/peloton/server");
  try {
    const prisma = await getDb();
    const user = await prisma.user.create({ data: { name: "bench" } });
    await connectPeloton(user.id, { ...TEST_MEMBERS.heavy, rememberPassword: false });
    await startSyncJob(prisma, user.id, "full");

    const baselineRss = process.memoryUsage().rss;
    const started = performance.now();
    let listCompleteAt: number | null = null;
    let stepMax = 0;
    let rssMax = 0;
    let heapMax = 0;
    let externalMax = 0;
    // RSS every 50 ms, the heap every 500 ms: process.memoryUsage() walks V8's heap spaces, and at 20 calls a second
    // the bench's own sampling was ~1 % of the CPU it measures.
    let tick = 0;
    const sampler = setInterval(() => {
      rssMax = Math.max(rssMax, process.memoryUsage.rss());
      if (tick++ % 10 !== 0) return;
      const m = process.memoryUsage();
      heapMax = Math.max(heapMax, m.heapUsed);
      externalMax = Math.max(externalMax, m.external);
    }, 50);
    let steps = 0;
    let requestMs = 0;
    let last;
    const kvBefore = await kv?.counts();
    const cpuBefore = process.cpuUsage();
    // The steady state: steps that begin once a third of the history is stored, when the process is warm.
    let steadyCpuUs = 0;
    let steadyWorkouts = 0;
    for (;;) {
      const t0 = performance.now();
      const stepCpu = process.cpuUsage();
      const doneBefore = last?.progress?.done ?? 0;
      last = await syncStep(user.id, { budgetMs: STEP_MS, concurrency: CONCURRENCY, everyN: 1 });
      const stepUsage = process.cpuUsage(stepCpu);
      if (doneBefore >= WORKOUTS / 3 && last.progress) {
        steadyCpuUs += stepUsage.user + stepUsage.system;
        steadyWorkouts += last.progress.done - doneBefore;
      }
      stepMax = Math.max(stepMax, performance.now() - t0);
      requestMs += last.requestMs;
      steps++;
      if (listCompleteAt === null && last.progress?.listComplete) listCompleteAt = performance.now() - started;
      const p = last.progress;
      if (p) process.stderr.write(`\r\x1b[2K  step ${steps}: ${p.phase} ${p.done}/${p.remoteTotal ?? p.total} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      if (!last.more) break;
    }
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const kvAfter = await kv?.counts();
    process.stderr.write("\n");
    const wallS = (performance.now() - started) / 1000;
    const job = await prisma.syncJob.findFirstOrThrow({ where: { userId: user.id }, orderBy: { startedAt: "desc" } });
    const synced = await prisma.workout.count({ where: { userId: user.id, syncState: "complete" } });
    const bound = (job.requests * (LATENCY_MS / 1000)) / CONCURRENCY;
    const rides = await prisma.$queryRaw<{ avg: number | null; n: bigint }[]>`
      SELECT AVG(octet_length(s.data))::float AS avg, COUNT(*) AS n
      FROM "WorkoutSeries" s JOIN "Workout" w ON w.id = s."workoutId" JOIN "RideDetail" r ON r.id = w."rideId"
      WHERE w."userId" = ${user.id} AND w.discipline = 'cycling' AND r."durationSeconds" = 1800 AND s.samples >= 1700
        AND s.channels @> ARRAY['output','cadence','resistance','speed','heart_rate']`;
    const bytes30 = rides[0]?.avg ?? Number.NaN;
    const efficiency = bound / wallS;
    const cpuMsPerWorkout = (cpu.user + cpu.system) / 1000 / Math.max(1, synced);
    const cpuMsSteady = steadyCpuUs / 1000 / Math.max(1, steadyWorkouts);
    const kvCalls = kvBefore && kvAfter ? (kvAfter.commands - kvBefore.commands) / Math.max(1, job.requests) : Number.NaN;
    const kvTrips = kvBefore && kvAfter ? (kvAfter.roundTrips - kvBefore.roundTrips) / Math.max(1, job.requests) : Number.NaN;
    await sim.setLatency(CONTENTION_LATENCY_MS);
    process.stderr.write(`  contention: ${CONTENTION_USERS} users sharing one Peloton account, ${CONTENTION_ROUNDS} steps each, ${CONTENTION_LATENCY_MS} ms latency\n`);
    const contention = await runContention({
      users: CONTENTION_USERS,
      rounds: CONTENTION_ROUNDS,
      stepMs: STEP_MS,
      concurrency: CONCURRENCY,
      templateUserId: user.id,
      credentials: TEST_MEMBERS.heavy,
    });
    console.log(`\nSync benchmark: heavy member, ${WORKOUTS} workouts, ${LATENCY_MS} ms latency per request, concurrency ${CONCURRENCY}, step budget ${STEP_MS} ms`);
    console.log(`Database: ${db.label}; Node ${process.version}; V8 old space ${HEAP_MB > 0 ? `capped at ${HEAP_MB} MB (like a small serverless function)` : "uncapped"}\n`);
    const rows: [string, string, string][] = [
      ["workouts synced", `${synced} of ${job.remoteTotal ?? "?"}`, ""],
      ["wall time", `${wallS.toFixed(1)} s`, ""],
      ["requests", `${job.requests}`, `${(job.requests / Math.max(1, synced)).toFixed(2)} per workout`],
      ["network bound (requests × latency ÷ concurrency)", `${bound.toFixed(1)} s`, ""],
      ["efficiency (bound ÷ wall)", efficiency.toFixed(3), "target ≥ 0.85"],
      ["mean request time as measured (latency + simulator work)", `${(requestMs / Math.max(1, job.requests)).toFixed(0)} ms`, `effective efficiency ${((job.requests * (requestMs / Math.max(1, job.requests))) / 1000 / CONCURRENCY / wallS).toFixed(3)}`],
      ["history list complete after", `${((listCompleteAt ?? Number.NaN) / 1000).toFixed(2)} s`, "target ≤ 5 s"],
      ["steps / slowest step", `${steps} / ${(stepMax / 1000).toFixed(2)} s`, "target ≤ 8 s"],
      ["peak RSS during steps", `${(rssMax / 1048576).toFixed(0)} MB`, `target ≤ 300 MB (process at rest before the sync: ${(baselineRss / 1048576).toFixed(0)} MB)`],
      ["peak JS heap used / external memory", `${(heapMax / 1048576).toFixed(0)} / ${(externalMax / 1048576).toFixed(0)} MB`, ""],
      ["stored series per 30-min ride (5 ch, 1 s)", `${bytes30.toFixed(0)} B (n=${rides[0]?.n ?? 0})`, "target ≤ 6144 B"],
      ["CPU of the app process per synced workout", `${cpuMsPerWorkout.toFixed(2)} ms`, `target ≤ 4.5 ms (user ${(cpu.user / 1000 / Math.max(1, synced)).toFixed(2)} + system ${(cpu.system / 1000 / Math.max(1, synced)).toFixed(2)})`],
      ["the same, steady state (steps after a third is stored)", `${cpuMsSteady.toFixed(2)} ms`, `over ${steadyWorkouts} workouts; the rest of the whole figure is the process warming up`],
      ["KV commands / HTTP round trips per Peloton request", `${kvCalls.toFixed(2)} / ${kvTrips.toFixed(2)}`, kv ? "Upstash REST bridge → Redis" : "no Redis: not counted"],
      [`contention: slowest of ${contention.steps} steps (${CONTENTION_USERS} users, 1 account)`, `${(contention.stepMsMax / 1000).toFixed(2)} s`, `target ≤ 10 s; median ${(contention.stepMsP50 / 1000).toFixed(2)} s; ${contention.overruns} over budget + 2 s`],
    ];
    for (const [k, v, t] of rows) console.log(`  ${k.padEnd(50)} ${v.padStart(16)}  ${t}`);
    console.log(
      `efficiency=${efficiency.toFixed(3)} list_complete_s=${((listCompleteAt ?? Number.NaN) / 1000).toFixed(2)} step_max_s=${(stepMax / 1000).toFixed(2)} step_rss_mb=${(rssMax / 1048576).toFixed(0)} bytes_per_30min=${bytes30.toFixed(0)} contention_step_p100_ms=${contention.stepMsMax.toFixed(0)} cpu_ms_per_workout=${cpuMsPerWorkout.toFixed(2)} cpu_ms_per_workout_steady=${cpuMsSteady.toFixed(2)} kv_calls_per_request=${kvCalls.toFixed(2)}`,
    );
  } finally {
    await closeDb();
    await db.drop();
    await sim.stop();
    await kv?.stop();
  }
}

function heapCapped(): boolean {
  return HEAP_MB <= 0 || process.execArgv.some((a) => a.startsWith("--max-old-space-size"));
}

if (!heapCapped()) {
  // Re-run this script in a process whose heap is capped like a serverless function's.
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: process.env });
  child.on("exit", (code) => process.exit(code ?? 1));
} else main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
