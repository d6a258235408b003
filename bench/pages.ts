/**
 * `npm run bench:pages`: history query latency at 10,000 workouts (several filter combinations), the history
 * view as the page loads it (facets + first page), the workout-detail payload (raw and gzip) for a 30-min 1-second
 * ride, and from the production server (scripts/serve.mjs): server response time of the history page and of a real synced ride's detail page,
 * and first-load JS per page (sum of gzip sizes of the page's scripts). Prints figures; asserts nothing.
 *   BENCH_WORKOUTS (default 10000), BENCH_RUNS (default 40), BENCH_DATABASE_URL (default local PostgreSQL, else PGlite)
 */
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { openBenchDatabase } from "./bench-db";
import { assertSignedIn, benchSessionCookie } from "./bench-session";
import { seedHistory, seedRealWorkout } from "./seed-history";
import { runMain } from "../scripts/lib/cli";

const COUNT = Number(process.env.BENCH_WORKOUTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

async function timeHistory(userId: string, instructorId: string) {
  const { listWorkoutHistory } = await import("../server/queries/workouts");
  const { historyFiltersSchema } = await import("../lib/domain/workout-history");
  const combos: [string, Record<string, string>][] = [
    ["newest first", {}],
    ["Power Zone rides", { type: "Power Zone", discipline: "cycling" }],
    ["one instructor, 45 min", { instructor: instructorId, length: "45" }],
    ["search 'climb'", { q: "climb" }],
    ["by output", { sort: "output" }],
    ["by TSS, 2024", { sort: "tss", from: "2024-01-01", to: "2024-12-31" }],
  ];
  const all: number[] = [];
  const rows: string[] = [];
  for (const [label, raw] of combos) {
    const filters = historyFiltersSchema.parse(raw);
    const times: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      // Alternate first pages and deep pages (keyset cursors from earlier pages).
      const page = await listWorkoutHistory(userId, { ...filters, cursor: i % 2 ? cursor : undefined });
      times.push(performance.now() - t0);
      cursor = page.nextCursor ?? undefined;
    }
    all.push(...times);
    rows.push(`  ${label.padEnd(28)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms`);
  }
  return { rows, p50: pct(all, 50), p95: pct(all, 95) };
}

/** What the history page awaits: the facets and the first page, together. */
async function timeHistoryView(userId: string) {
  const { getHistoryFacets, listWorkoutHistory } = await import("../server/queries/workouts");
  const { historyFiltersSchema } = await import("../lib/domain/workout-history");
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const filters = historyFiltersSchema.parse(i % 2 ? { discipline: "cycling", sort: "output" } : {});
    const t0 = performance.now();
    await Promise.all([getHistoryFacets(userId), listWorkoutHistory(userId, filters)]);
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

async function detailPayload(userId: string) {
  const { loadFixture } = await import("../server/providers/peloton/__fixtures__/load");
  const { transformWorkout, transformRide } = await import("../server/providers/peloton/transform/workout");
  const { buildWorkoutChart } = await import("../lib/metrics/workout-chart");
  const fx = loadFixture("cycling-power-zone");
  const ride = fx.ride ? transformRide(fx.ride) : null;
  const t = transformWorkout({ workout: fx.workout, graph: fx.graph, ride: fx.ride });
  const data = buildWorkoutChart({
    discipline: t.workout.discipline,
    series: t.series,
    targets: t.targets ?? ride?.targets ?? null,
    segments: t.segments,
    ftp: t.workout.ftp ?? 220,
    heartRate: { maxHr: 190, lthr: 168 },
  });
  const raw = Buffer.byteLength(JSON.stringify(data));
  void userId;
  return { raw, gzip: gzipSync(JSON.stringify(data)).byteLength, samples: t.series?.length ?? 0 };
}

async function firstLoadJs(env: NodeJS.ProcessEnv, cookie: string, workoutId: string) {
  if (!existsSync(".next/BUILD_ID")) return null;
  const port = 3190;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], { env: { ...env, NODE_ENV: "production" }, stdio: "ignore" });
  try {
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 120; i++) {
      try {
        await fetch(`${base}/signin`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await assertSignedIn(base, cookie);
    const served: Record<string, number> = {};
    for (const [name, url] of [["history", "/workouts"], ["detail", `/workouts/${workoutId}`]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}${url}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        await res.text();
        if (i > 1) times.push(performance.now() - t0);
      }
      served[name] = pct(times, 50);
    }
    const out: Record<string, number> = {};
    for (const [name, url] of [["dashboard", "/dashboard"], ["workouts", "/workouts"], ["workout detail", `/workouts/${workoutId}`], ["sign-in", "/signin"]] as const) {
      const html = await (await fetch(`${base}${url}`, { headers: { cookie } })).text();
      const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]).filter((s): s is string => Boolean(s)))];
      let total = 0;
      for (const src of scripts) total += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).byteLength;
      out[name] = total / 1024;
    }
    return { js: out, served };
  } finally {
    child.kill("SIGTERM");
  }
}

async function main() {
  const db = await openBenchDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.SEALING_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.LOG_LEVEL = "error";
  const { getDb, closeDb } = await import("../server/db/client");
  try {
    const prisma = await getDb();
    const user = await prisma.user.create({ data: { name: "Bench Rider", email: `bench-${Date.now()}@example.com` } });
    const t0 = performance.now();
    const seeded = await seedHistory(prisma, user.id, COUNT);
    // A live database has planner statistics (autovacuum); a freshly bulk-loaded one doesn't yet.
    await prisma.$executeRawUnsafe("ANALYZE");
    const seedS = (performance.now() - t0) / 1000;
    const history = await timeHistory(user.id, seeded.instructorIds[3] ?? "");
    const historyView = await timeHistoryView(user.id);
    const payload = await detailPayload(user.id);
    const realWorkoutId = await seedRealWorkout(prisma, user.id);
    const cookie = await benchSessionCookie(prisma, user.id, 1);
    await closeDb();
    const web = await firstLoadJs({ ...process.env }, cookie, realWorkoutId);
    const js = web?.js;

    console.log(`\nPages benchmark: ${COUNT.toLocaleString("en-US")} workouts seeded (and ANALYZEd) in ${seedS.toFixed(1)} s; database: ${db.label}; Node ${process.version}\n`);
    console.log(`History page query (${RUNS} runs each, first and deep keyset pages alternating):`);
    for (const row of history.rows) console.log(row);
    console.log(`  ${"all combinations".padEnd(28)} p50 ${history.p50.toFixed(1).padStart(6)} ms   p95 ${history.p95.toFixed(1).padStart(6)} ms   (target p50 ≤ 50 ms)`);
    console.log(`  ${"history view (facets + page)".padEnd(28)} p50 ${historyView.p50.toFixed(1).padStart(6)} ms   p95 ${historyView.p95.toFixed(1).padStart(6)} ms`);
    console.log(`\nWorkout detail chart payload, 30-min ride at 1 s (${payload.samples} samples): ${(payload.raw / 1024).toFixed(1)} KB raw, ${(payload.gzip / 1024).toFixed(1)} KB gzip (target ≤ 40 KB gzip)`);
    if (web) console.log(`\nServer response from the production server (p50 of 10): history page ${web.served.history?.toFixed(0)} ms, a real ride's detail page ${web.served.detail?.toFixed(0)} ms`);
    if (js) {
      console.log("\nFirst-load JS (gzip, sum of the page's scripts):");
      for (const [name, kb] of Object.entries(js)) console.log(`  ${name.padEnd(16)} ${kb.toFixed(1).padStart(7)} KB${name === "dashboard" ? "   (target ≤ 220 KB)" : ""}`);
    } else console.log("\nFirst-load JS: no production build (.next/BUILD_ID); run `npm run build` first.");
    console.log(
      `history_p50_ms=${history.p50.toFixed(1)} history_p95_ms=${history.p95.toFixed(1)} history_view_p50_ms=${historyView.p50.toFixed(1)} history_page_ms=${web?.served.history?.toFixed(0) ?? "NaN"} detail_page_ms=${web?.served.detail?.toFixed(0) ?? "NaN"} detail_gzip_kb=${(payload.gzip / 1024).toFixed(1)} dashboard_js_gzip_kb=${js?.dashboard?.toFixed(1) ?? "NaN"}`,
    );
  } finally {
    await closeDb();
    await db.drop();
  }
}

runMain(main);
