/**
 * `npm run bench:analytics`: the training-analytics math on 10,000 synthetic rides.
 *
 * - mmp_per_ride_ms: mean-maximal power of a 1-hour ride at 1 s (52 durations, 1 s … 2 h), as computed at sync.
 * - mmp_bytes_per_ride: the stored size of one ride's curve (curve-codec.ts).
 * - mmp_aggregate_p50_ms: the power curve of 10,000 stored rides (best per duration and the ride that set it), from
 *   the stored bytes; the database read that fetches them is not included.
 * - pmc_10y_ms: fitness / fatigue / form for every day of 10 years from the 10,000 rides' scores.
 * Each figure is the median of BENCH_RUNS runs (default 15) after warm-up. Prints figures; asserts nothing. The last
 * line is machine-readable; targets: aggregate ≤ 50 ms, PMC ≤ 20 ms, per ride ≤ 10 ms, ≤ 1024 bytes.
 */
import { seededRandom } from "../sandbox/shared/http";
import { aggregateCurves } from "../lib/metrics/curve-aggregate";
import { encodeCurve } from "../lib/metrics/curve-codec";
import { meanMaximal } from "../lib/metrics/mmp";
import { performanceManagement } from "../lib/metrics/pmc";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const RIDES = 10_000;
const YEARS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time<T>(run: () => T, runs = RUNS): { ms: number; result: T } {
  let result = run();
  for (let i = 0; i < 3; i++) result = run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

/** A ride at 1 Hz: intervals over an endurance base, sprints, coasting and the odd dropout. */
function syntheticPower(seconds: number, seed: number): (number | null)[] {
  const random = seededRandom(seed);
  const ftp = 180 + random() * 120;
  const out: (number | null)[] = new Array(seconds);
  for (let t = 0; t < seconds; t++) {
    const block = Math.floor(t / 240) % 4;
    const base = block === 3 ? 1.05 : block === 1 ? 0.85 : 0.65;
    const r = random();
    out[t] = r < 0.005 ? null : r < 0.02 ? 0 : Math.round(ftp * base + (random() - 0.5) * 50 + (t % 600 < 10 ? 500 * random() : 0));
  }
  return out;
}

function main() {
  const hour = syntheticPower(3600, 1);
  const perRide = time(() => meanMaximal(hour), 50);
  const bytesPerRide = encodeCurve("power", perRide.result).byteLength;

  // 10,000 stored curves: 200 computed rides of 20–120 min, each stored under 50 riders' scale factors.
  const base = Array.from({ length: 200 }, (_, i) => meanMaximal(syntheticPower(1200 + ((i * 127) % 6000), i + 2)));
  const random = seededRandom(7);
  const curves = Array.from({ length: RIDES }, (_, i) => {
    const k = 0.85 + random() * 0.3;
    return encodeCurve("power", (base[i % base.length] ?? new Float64Array()).map((v) => v * k));
  });
  const aggregate = time(() => aggregateCurves("power", curves));

  const days = YEARS * 365;
  const start = Date.UTC(2016, 0, 1);
  const loads = Array.from({ length: RIDES }, (_, i) => ({
    day: new Date(start + Math.floor((i / RIDES) * days) * 86_400_000).toISOString().slice(0, 10),
    load: 30 + random() * 120,
  }));
  const from = new Date(start).toISOString().slice(0, 10);
  const to = new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const pmc = time(() => performanceManagement(loads, from, to));

  console.log(`\nAnalytics benchmark: ${RIDES.toLocaleString("en-US")} rides, median of ${RUNS} runs; Node ${process.version}\n`);
  console.log(`  mean-maximal power, 1-hour ride at 1 s   ${perRide.ms.toFixed(2)} ms   (target ≤ 10 ms)`);
  console.log(`  stored curve per ride                     ${bytesPerRide} bytes   (target ≤ 1024)`);
  console.log(`  aggregate curve of ${RIDES} rides          ${aggregate.ms.toFixed(2)} ms   (target ≤ 50 ms; best at 20 min ${Math.round(aggregate.result.values[37] ?? 0)} W)`);
  console.log(`  PMC, ${YEARS} years (${pmc.result.length} days)            ${pmc.ms.toFixed(2)} ms   (target ≤ 20 ms)\n`);
  console.log(
    `mmp_aggregate_p50_ms=${aggregate.ms.toFixed(2)} pmc_10y_ms=${pmc.ms.toFixed(2)} mmp_per_ride_ms=${perRide.ms.toFixed(2)} mmp_bytes_per_ride=${bytesPerRide}`,
  );
}

main();
