/**
 * `npm run bench:upload`: what a hostile upload costs everyone else (docs/security.md "Hostile uploads"). One
 * in-process HTTP server answers a cheap "other user" endpoint and an upload endpoint that decodes like the compare
 * route; a probe calls the cheap endpoint every 25 ms, idle and then while BOMBS copies of the 466 KB .fit.gz that
 * inflates to 63 MB (7.9 million records) arrive together.
 *
 *   --mode=worker   (default) decodeFitOffThread: worker thread, caps, at most 2 at once (the app today)
 *   --mode=inline   decodeFit on the request thread with the caps of before (64 MB inflated, no message cap)
 *
 * Peak RSS is the process high-water mark (VmHWM), workers included. Last line is machine-readable.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { isAppError } from "../lib/errors/app-error";
import { recordBomb } from "../server/fit/__fixtures__/record-bomb";
import { decodeFit } from "../server/fit/decode";
import { decodeFitOffThread } from "../server/fit/decode-off-thread";

const mode = process.argv.includes("--mode=inline") ? "inline" : "worker";
const BOMBS = Number(process.env.BENCH_BOMBS ?? (mode === "inline" ? 1 : 4));
const IDLE_MS = 3000;

async function body(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function decode(bytes: Uint8Array): Promise<unknown> {
  if (mode === "inline") return decodeFit(bytes, { maxInflatedBytes: 64 * 1024 * 1024, maxMessages: Number.POSITIVE_INFINITY });
  return decodeFitOffThread(bytes);
}

const server = createServer((req, res) => {
  if (req.url === "/other") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, data: { workouts: Array.from({ length: 20 }, (_, i) => ({ id: i, title: "Ride" })) } }));
    return;
  }
  void (async () => {
    try {
      await decode(await body(req));
      res.statusCode = 200;
    } catch (error) {
      res.statusCode = isAppError(error) ? error.status : 500;
    }
    res.end();
  })();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
}

/** Calls /other every 25 ms until `until` settles; returns each call's latency. */
async function probe(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await (await fetch(`${base}/other`)).arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 25));
  }
  return latencies;
}

const peakRssMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? Number.NaN) / 1024;

const bomb = new Uint8Array(recordBomb(7_900_000, { gzip: true }));
console.log(`mode=${mode}: ${BOMBS} bomb(s) of ${(bomb.byteLength / 1024).toFixed(0)} KB inflating to ${((7_900_000 * 8) / 1e6).toFixed(0)} MB`);
const idle = await probe(new Promise((r) => setTimeout(r, IDLE_MS)));
const rssBefore = peakRssMb();

const t0 = performance.now();
const results = Promise.all(
  Array.from({ length: BOMBS }, async () => {
    const res = await fetch(`${base}/upload`, { method: "POST", body: bomb });
    return { status: res.status, ms: performance.now() - t0 };
  }),
);
const during = await probe(results);
const answers = await results;
server.close();

const statuses = answers.map((a) => a.status);
const rejected = answers.filter((a) => a.status === 413);
console.log(`answers: ${statuses.join(", ")}; idle probes ${idle.length}, probes during ${during.length}`);
console.log(
  [
    `mode=${mode}`,
    `bombs=${BOMBS}`,
    `bomb_rejected=${rejected.length}`,
    `bomb_busy_503=${statuses.filter((s) => s === 503).length}`,
    `bomb_rejected_ms=${Math.round(Math.max(...rejected.map((a) => a.ms), 0))}`,
    `bomb_peak_rss_mb=${Math.round(peakRssMb())}`,
    `rss_before_mb=${Math.round(rssBefore)}`,
    `other_p95_ms_idle=${p95(idle).toFixed(1)}`,
    `other_p95_ms_during=${p95(during).toFixed(1)}`,
    `other_max_ms_during=${Math.max(...during).toFixed(1)}`,
  ].join(" "),
);
