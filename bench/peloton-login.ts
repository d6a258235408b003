/**
 * `npm run bench:peloton:login`: wall time of the headless Peloton Auth0 PKCE login against the local
 * simulator (six-hop and one-hop redirect chains, with and without injected network latency).
 * Prints figures; asserts nothing. Last line is machine-readable.
 */
import { loginWithPassword } from "../server/providers/peloton/auth/login";
import { DEMO_MEMBER, startPelotonSimulator } from "../sandbox/peloton/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function scenario(chain: "six-hop" | "one-hop", latencyMs: number) {
  const sim = await startPelotonSimulator({ quiet: true, redirectChain: chain });
  sim.faults.latencyMs = latencyMs;
  const times: number[] = [];
  let requests = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const before = sim.stats.requests.length;
      const t0 = performance.now();
      await loginWithPassword({ email: DEMO_MEMBER.email, password: DEMO_MEMBER.password, authBaseUrl: sim.url });
      times.push(performance.now() - t0);
      requests = sim.stats.requests.length - before;
    }
  } finally {
    await sim.close();
  }
  times.sort((a, b) => a - b);
  return { chain, latencyMs, p50: pct(times, 50), p95: pct(times, 95), min: times[0] ?? 0, max: times[times.length - 1] ?? 0, requests };
}

const rows = [];
for (const [chain, latency] of [["six-hop", 0], ["one-hop", 0], ["six-hop", 50]] as const) rows.push(await scenario(chain, latency));

console.log(`Peloton login against the simulator, ${RUNS} runs each (Node ${process.version})\n`);
console.log("chain     latency  requests   p50 ms   p95 ms   min ms   max ms");
for (const r of rows) {
  console.log(
    `${r.chain.padEnd(9)} ${String(r.latencyMs).padStart(5)} ms ${String(r.requests).padStart(9)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.min.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`,
  );
}
const six = rows[0]!;
const slow = rows[2]!;
console.log(`\nWith ${slow.latencyMs} ms per request the login is bound by its ${slow.requests} sequential requests: ${(slow.requests * slow.latencyMs).toFixed(0)} ms of pure latency vs ${slow.p50.toFixed(0)} ms measured (p50).`);
console.log(`login_p50_ms=${six.p50.toFixed(1)} login_p95_ms=${six.p95.toFixed(1)} requests_per_login=${six.requests} login_p50_ms_at_50ms_latency=${slow.p50.toFixed(1)}`);
