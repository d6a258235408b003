/**
 * `npm run bench:fit`: FIT encode/decode and TCX export of a realistic 2-hour indoor ride at 1 Hz (power, cadence,
 * heart rate, speed, distance; 12 laps; a short and a long dropout). Each operation is warmed up, then timed
 * BENCH_RUNS times (default 10); the median is reported. Prints figures; asserts nothing. Last line is machine-readable.
 */
import { gzipSync } from "node:zlib";
import { syntheticRide } from "../lib/metrics/__fixtures__/synthetic-activity";
import { decodeFit } from "../server/fit/decode";
import { encodeFit } from "../server/fit/encode";
import { activityMetrics } from "../lib/metrics/activity";
import { encodeTcx } from "../server/fit/tcx";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 3;
const HOURS = 2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

function time<T>(run: () => T): { ms: number; min: number; max: number; result: T } {
  let result = run();
  for (let i = 1; i < WARMUP; i++) result = run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), min: Math.min(...times), max: Math.max(...times), result };
}

function main() {
  const ride = syntheticRide({ seconds: HOURS * 3600, laps: 12, dropouts: [[1800, 1803], [4000, 4120]], ftp: 250 });
  const cold = performance.now();
  const firstFit = encodeFit(ride);
  const coldEncodeMs = performance.now() - cold;
  const coldDecode = performance.now();
  decodeFit(firstFit);
  const coldDecodeMs = performance.now() - coldDecode;

  const encode = time(() => encodeFit(ride));
  const fit = encode.result;
  const decode = time(() => decodeFit(fit));
  const gz = gzipSync(fit, { level: 6 });
  const decodeGz = time(() => decodeFit(gz));
  const tcx = time(() => encodeTcx(ride));
  const tcxBytes = Buffer.byteLength(tcx.result, "utf8");
  const tcxGz = gzipSync(tcx.result).byteLength;
  const metrics = time(() => activityMetrics(ride, 250));

  const kbPerHour = (bytes: number) => bytes / 1024 / HOURS;
  const decoded = decode.result;
  const roundTrip = decoded.length === ride.length && decoded.laps.length === ride.laps.length && JSON.stringify(decoded.samples.power) === JSON.stringify(ride.samples.power);

  console.log(`\nFIT/TCX benchmark: ${HOURS} h ride at 1 Hz (${ride.length} s, 5 channels, ${ride.laps.length} laps); median of ${RUNS} runs after ${WARMUP} warm-up; Node ${process.version}\n`);
  const rows: [string, string, string][] = [
    ["FIT encode (SDK Encoder)", `${encode.ms.toFixed(1)} ms`, `min ${encode.min.toFixed(1)} / max ${encode.max.toFixed(1)} ms; first call ${coldEncodeMs.toFixed(0)} ms`],
    ["FIT decode (.fit)", `${decode.ms.toFixed(1)} ms`, `min ${decode.min.toFixed(1)} / max ${decode.max.toFixed(1)} ms; first call ${coldDecodeMs.toFixed(0)} ms; target well under 300 ms`],
    ["FIT decode (.fit.gz)", `${decodeGz.ms.toFixed(1)} ms`, "gunzip + decode"],
    ["FIT size", `${(fit.byteLength / 1024).toFixed(1)} KB`, `${kbPerHour(fit.byteLength).toFixed(1)} KB per hour`],
    ["FIT gzip size", `${(gz.byteLength / 1024).toFixed(1)} KB`, `${kbPerHour(gz.byteLength).toFixed(1)} KB per hour`],
    ["TCX encode", `${tcx.ms.toFixed(1)} ms`, `min ${tcx.min.toFixed(1)} / max ${tcx.max.toFixed(1)} ms`],
    ["TCX size", `${(tcxBytes / 1024).toFixed(1)} KB`, `${kbPerHour(tcxBytes).toFixed(1)} KB per hour; gzip ${kbPerHour(tcxGz).toFixed(1)} KB per hour`],
    ["activityMetrics (NP/IF/TSS…)", `${metrics.ms.toFixed(2)} ms`, ""],
    ["round trip (length, laps, power)", roundTrip ? "ok" : "MISMATCH", ""],
  ];
  for (const [k, v, note] of rows) console.log(`  ${k.padEnd(34)} ${v.padStart(12)}  ${note}`);
  console.log(
    `fit_encode_2h_ms=${encode.ms.toFixed(1)} fit_decode_2h_ms=${decode.ms.toFixed(1)} fit_kb_per_hour=${kbPerHour(fit.byteLength).toFixed(1)} fit_gz_kb_per_hour=${kbPerHour(gz.byteLength).toFixed(1)} tcx_kb_per_hour=${kbPerHour(tcxBytes).toFixed(1)} tcx_encode_2h_ms=${tcx.ms.toFixed(1)}`,
  );
}

main();
