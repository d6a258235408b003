/**
 * `npm run bench:sync-floor`: how low `npm run bench:sync`'s CPU per workout can go in this design, and what each
 * of the alternatives docs/quality.md named would save, measured apart (docs/quality.md "Sixth look"):
 *   1. pacing: the pure stages of one workout (bench/heavy-workouts.ts) back to back, and one workout every
 *      BENCH_FLOOR_GAP_MS (default 80: bench:sync's pace, 2.14 requests per workout × 150 ms latency ÷ 4 slots);
 *   2. parsing: JSON.parse of the real graphs against bench/bytes-json.ts (number lists read into Float64Array);
 *   3. statements: one statement with a batch-sized JSON parameter through Prisma's $queryRawUnsafe and through `pg`
 *      directly (PostgreSQL only; skipped on PGlite);
 *   4. HTTP: one exchange of a real graph through server/http/transport.ts and through a bare keep-alive socket (a
 *      lower bound: Content-Length bodies only, no TLS, chunking, decoding or timeouts).
 * The floor adds the cheapest of each: paced pure stages (with the cheaper parser) + 2.14 bare exchanges + 0.8 `pg`
 * statements per workout. It leaves out V8's helper threads, the event loop and the process warming up.
 *   BENCH_FLOOR_WORKOUTS (default 300), BENCH_FLOOR_GAP_MS (80)
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { openBenchDatabase } from "./bench-db";
import { parseJsonBytes, sameAsJsonParse } from "./bytes-json";
import { loadHeavyWorkouts, type RawWorkout } from "./heavy-workouts";

const N = Number(process.env.BENCH_FLOOR_WORKOUTS ?? 300);
const GAP_MS = Number(process.env.BENCH_FLOOR_GAP_MS ?? 80);
/** bench:sync's figures: Peloton requests and SQL statements per synced workout (docs/quality.md). */
const REQUESTS_PER_WORKOUT = 2.14;
const STATEMENTS_PER_WORKOUT = 0.8;

/** CPU ms per item of `run` over `items`, the best of `passes`. */
async function cpuPer<T>(items: readonly T[], passes: number, run: (item: T) => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    const t0 = process.cpuUsage();
    for (const item of items) await run(item);
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000 / items.length);
  }
  return best;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pacing(raw: RawWorkout[], whole: (r: RawWorkout) => unknown) {
  const backToBack = await cpuPer(raw, 5, whole);
  // One workout per gap, as they arrive in bench:sync; the process sleeps in between, as it waits on Peloton there.
  const paced = await cpuPer(raw.slice(0, Math.max(20, Math.round(8_000 / GAP_MS))), 2, async (r) => {
    whole(r);
    await sleep(GAP_MS);
  });
  return { backToBack, paced };
}

async function parsing(raw: RawWorkout[]) {
  for (const r of raw) {
    if (!sameAsJsonParse(parseJsonBytes(r.graph), JSON.parse(r.graph.toString("utf8")))) throw new Error("bytes-json.ts read a graph differently from JSON.parse");
  }
  const graphs = raw.map((r) => r.graph);
  return { jsonParse: await cpuPer(graphs, 5, (g) => JSON.parse(g.toString("utf8"))), bytes: await cpuPer(graphs, 5, parseJsonBytes) };
}

async function statements(param: string) {
  const db = await openBenchDatabase();
  if (!db.label.startsWith("PostgreSQL")) {
    await db.drop();
    return null;
  }
  const { createDb } = await import("../server/db/client");
  const pg = (await import("pg")).default;
  const handle = await createDb(db.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const sql = `SELECT count(*)::int AS n, sum(length(x.data))::int AS bytes FROM json_to_recordset($1::json) AS x(pid text, data text, segments json, targets json)`;
  const reps = Array.from({ length: 300 }, (_, k) => k);
  try {
    const prisma = await cpuPer(reps, 4, () => handle.prisma.$queryRawUnsafe(sql, param));
    const direct = await cpuPer(reps, 4, () => pool.query(sql, [param]));
    return { prisma, direct };
  } finally {
    await pool.end();
    await handle.close();
    await db.drop();
  }
}

/** A keep-alive connection that sends a GET and reads a Content-Length reply, nothing more. */
function bareClient(port: number, head: string) {
  const socket = net.connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  let waiting: ((body: Buffer) => void) | null = null;
  let chunks: Buffer[] = [];
  let have = 0;
  let need = -1;
  let headLength = 0;
  socket.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    have += chunk.length;
    if (need < 0) {
      const all = Buffer.concat(chunks);
      chunks = [all];
      const end = all.indexOf("\r\n\r\n");
      if (end < 0) return;
      headLength = end + 4;
      need = headLength + Number(/content-length: *(\d+)/i.exec(all.toString("latin1", 0, end))?.[1] ?? 0);
    }
    if (have < need) return;
    const body = Buffer.concat(chunks).subarray(headLength, need);
    chunks = [];
    have = 0;
    need = -1;
    waiting?.(body);
  });
  return {
    get: () => new Promise<Buffer>((resolve) => ((waiting = resolve), socket.write(head, "latin1"))),
    close: () => socket.destroy(),
  };
}

async function http(graph: Buffer) {
  const file = path.join(os.tmpdir(), `autocoach-floor-${process.pid}.json`);
  writeFileSync(file, graph);
  // The server runs in its own process, as the simulator does in bench:sync.
  const server = spawn(process.execPath, ["-e", `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"application/json","content-length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = Number(await new Promise<string>((resolve) => server.stdout!.once("data", (d: Buffer) => resolve(d.toString()))));
    const { send } = await import("../server/http/transport");
    const headers = { Authorization: `Bearer ${"x".repeat(900)}`, "Peloton-Platform": "web", Accept: "application/json" };
    const url = `http://127.0.0.1:${port}/api/workout/w/performance_graph?every_n=1`;
    const head = `GET /api/workout/w/performance_graph?every_n=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
    const bare = Array.from({ length: 4 }, () => bareClient(port, head));
    const rounds = Array.from({ length: 125 }, (_, k) => k);
    // Four exchanges at once, as the sync's four request slots.
    const transport = await cpuPer(rounds, 5, () => Promise.all(Array.from({ length: 4 }, async () => (await send(url, { method: "GET", headers, timeoutMs: 10_000 })).bytes())));
    const socket = await cpuPer(rounds, 5, () => Promise.all(bare.map((c) => c.get())));
    bare.forEach((c) => c.close());
    return { transport: transport / 4, socket: socket / 4 };
  } finally {
    server.kill();
  }
}

async function main() {
  const { raw, stages } = await loadHeavyWorkouts(N);
  const pace = await pacing(raw, stages.whole);
  const parse = await parsing(raw);
  // A statement's worth of rows as the batch write sends them (~3.5 workouts with samples per statement in bench:sync).
  const saved = raw.map((r) => {
    const t = stages.transform(stages.zod(stages.parse(r)));
    const encoded = stages.encode(t);
    return encoded && { pid: t.workout.pelotonWorkoutId, data: Buffer.from(encoded.bytes).toString("base64"), segments: t.segments, targets: t.targets ?? null };
  });
  const batch = JSON.stringify(saved.filter(Boolean).slice(0, 4));
  const sql = await statements(batch);
  const exchange = await http(raw[0]!.graph);

  const ratio = pace.paced / pace.backToBack;
  const parseSaving = Math.max(0, parse.jsonParse - parse.bytes) * ratio;
  const floor = pace.paced - parseSaving + REQUESTS_PER_WORKOUT * exchange.socket + STATEMENTS_PER_WORKOUT * (sql?.direct ?? 0);
  const today = pace.paced + REQUESTS_PER_WORKOUT * exchange.transport + STATEMENTS_PER_WORKOUT * (sql?.prisma ?? 0);
  const f = (v: number | undefined) => (v === undefined ? "NaN" : v.toFixed(3));
  console.log(`\nSync CPU floor (${raw.length} workouts of the heavy member; CPU per workout or per call, best of several passes)`);
  const rows: [string, string, string][] = [
    ["pure stages, back to back", `${f(pace.backToBack)} ms`, "parse, zod, transform, codec, analytics (bench:sync-stages)"],
    [`the same, one workout every ${GAP_MS} ms`, `${f(pace.paced)} ms`, `×${ratio.toFixed(2)}: the same work costs more when the process sleeps in between`],
    ["JSON.parse of a graph", `${f(parse.jsonParse)} ms`, "into arrays of numbers"],
    ["bytes → Float64Array parser", `${f(parse.bytes)} ms`, "bench/bytes-json.ts, same numbers to the bit"],
    ["statement, batch-sized JSON parameter: Prisma", sql ? `${f(sql.prisma)} ms` : "skipped", sql ? `${(batch.length / 1024).toFixed(0)} KB parameter, $queryRawUnsafe` : "no PostgreSQL server reachable"],
    ["the same statement through pg", sql ? `${f(sql.direct)} ms` : "skipped", ""],
    ["HTTP exchange of a graph: server/http/transport.ts", `${f(exchange.transport)} ms`, "node:http keep-alive agent"],
    ["the same over a bare keep-alive socket", `${f(exchange.socket)} ms`, "lower bound: no TLS, chunking, decoding or timeouts"],
    ["today's parts added up", `${f(today)} ms`, `paced stages + ${REQUESTS_PER_WORKOUT} exchanges + ${STATEMENTS_PER_WORKOUT} Prisma statements`],
    ["floor with every alternative", `${f(floor)} ms`, "without V8's helper threads, the event loop or warm-up; target ≤ 4.5 ms for everything"],
  ];
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(52)} ${value.padStart(10)}  ${note}`);
  console.log(
    `pure_ms=${f(pace.backToBack)} pure_ms_paced=${f(pace.paced)} paced_ratio=${ratio.toFixed(2)} json_parse_ms=${f(parse.jsonParse)} bytes_parser_ms=${f(parse.bytes)} prisma_stmt_ms=${f(sql?.prisma)} pg_stmt_ms=${f(sql?.direct)} http_exchange_ms=${f(exchange.transport)} bare_socket_ms=${f(exchange.socket)} parts_ms_per_workout=${f(today)} floor_ms_per_workout=${f(floor)}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
