import { seededRandom } from "../../shared/http";
import type { MemberSpec } from "./members";
import { KM_PER_MI, ZONE_MID, bikePower, bikeResistance, bikeSpeedMph } from "./physics";
import { outdoor, row, tread } from "./series-other";
import { arr, blocksBySecond, gauss, mid, type Rng, type Series } from "./series-kit";
import type { TargetBlock, WorkoutHeader } from "./types";

export type { Series } from "./series-kit";

/** Heart rate following an intensity (≈ fraction of threshold) with lag, drift and optional strap dropouts. */
function heartRate(member: MemberSpec, header: WorkoutHeader, intensity: Float64Array, rng: Rng): Float64Array {
  const n = intensity.length;
  const hr = new Float64Array(n);
  const reserve = member.maxHr - member.restHr;
  let h = member.restHr + 18 + rng() * 8;
  for (let s = 0; s < n; s++) {
    const frac = Math.min(0.99, Math.max(0.3, 0.25 + 0.58 * (intensity[s] ?? 0)) + 0.03 * (s / 3600));
    h += (member.restHr + reserve * frac - h) / 25 + gauss(rng) * 0.5;
    hr[s] = Math.round(h);
  }
  if (header.hrDropouts) {
    for (let d = 0, gaps = 1 + Math.floor(rng() * 3); d < gaps; d++) {
      const at = Math.floor(rng() * n);
      hr.fill(Number.NaN, at, Math.min(n, at + 5 + Math.floor(rng() * 35)));
    }
  }
  if (header.quirks.includes("hrZeroDropouts")) {
    // the strap loses contact and the app sends 0 bpm rather than nothing (a stream of its own: the rest is unchanged)
    const zeros = seededRandom(header.seed ^ 0x0bad5eed);
    for (let d = 0, gaps = 1 + Math.floor(zeros() * 2); d < gaps; d++) {
      const at = Math.floor(zeros() * n);
      hr.fill(0, at, Math.min(n, at + 20 + Math.floor(zeros() * 40)));
    }
  }
  return hr;
}

/** What the rider means to push each second (before lag and noise), and the cadence they aim for. */
function cyclingIntent(member: MemberSpec, header: WorkoutHeader): { watts: Float64Array; cadence: Float64Array } {
  const n = header.recorded;
  const blocks = blocksBySecond(header);
  const ftp = header.ftpIn.ftp || member.startFtp || 150;
  // An FTP test is ridden at the member's true fitness that day, which the result then reveals.
  const testPower = header.trueFtp / 0.95;
  const wobble = (header.seed % 1000) / 10;
  const watts = arr(n);
  const cadence = arr(n);
  let cachedBlock: TargetBlock | undefined;
  let resFactor = 0;
  for (let s = 0; s < n; s++) {
    const block = blocks[s];
    if (block?.type === "power_zone" && block.zone) {
      watts[s] = ftp * (ZONE_MID[block.zone] ?? 0.6) * header.form * (1 + 0.02 * Math.sin((s + wobble) / 97));
      cadence[s] = block.zone <= 2 ? 84 : block.zone <= 4 ? 89 : 96;
    } else if (block?.type === "cues") {
      if (block !== cachedBlock) {
        cachedBlock = block;
        resFactor = bikePower(1, mid(block.resistance, 40) * (0.85 + 0.15 * header.form));
      }
      const cad = mid(block.cadence, 85) + 2 * Math.sin((s + wobble) / 211);
      cadence[s] = cad;
      watts[s] = cad * resFactor;
    } else if (block?.type === "free_mode") {
      const into = s - (block.start - header.plan.pedalingStart);
      watts[s] = testPower * (into < 120 ? 1.05 : into > 1080 ? 1.07 : 0.985) * header.form;
      cadence[s] = 92;
    } else {
      watts[s] = ftp * 0.66 * header.form * (1 + 0.12 * Math.sin((s + wobble) / 173));
      cadence[s] = 86;
    }
  }
  return { watts, cadence };
}

/** Total work (J) of a cycling workout without simulating it: the samples are scaled to match it. */
export function cyclingWork(member: MemberSpec, header: WorkoutHeader): number {
  let sum = 0;
  for (const w of cyclingIntent(member, header).watts) sum += w;
  return sum;
}

function cycling(member: MemberSpec, header: WorkoutHeader, rng: Rng, series: Series, intensity: Float64Array): void {
  const n = header.recorded;
  const intent = cyclingIntent(member, header);
  const ftp = header.ftpIn.ftp || member.startFtp || 150;
  const [output, cadence, resistance, speed, distance] = [arr(n), arr(n), arr(n), arr(n), arr(n)];
  let p = ftp * 0.4;
  let cad = 70;
  let raw = 0;
  let wanted = 0;
  for (let s = 0; s < n; s++) {
    const desired = intent.watts[s] ?? 0;
    p += (desired - p) * 0.22 + gauss(rng) * desired * 0.03;
    cad += ((intent.cadence[s] ?? 85) - cad) * 0.3 + gauss(rng) * 1.2;
    output[s] = Math.max(0, p);
    cadence[s] = Math.max(0, Math.round(cad));
    raw += output[s] ?? 0;
    wanted += desired;
  }
  const scale = raw > 0 ? wanted / raw : 1;
  const unit = member.distanceUnit === "km" ? KM_PER_MI : 1;
  let dist = 0;
  let kj = 0;
  for (let s = 0; s < n; s++) {
    const watts = (output[s] ?? 0) * scale;
    output[s] = watts;
    kj += watts / 1000;
    resistance[s] = Math.round(bikeResistance(watts, Math.max(cadence[s] ?? 0, 1)));
    speed[s] = bikeSpeedMph(watts) * unit;
    dist += (speed[s] ?? 0) / 3600;
    distance[s] = dist;
    intensity[s] = watts / ftp;
  }
  Object.assign(series, { output, cadence, resistance, speed, distance });
  series.calories = Math.round(kj * 1.08 + n / 60);
}

/** Deterministic samples for a workout: same header → same numbers, on every run. */
export function generateSeries(member: MemberSpec, header: WorkoutHeader): Series {
  const rng = seededRandom(header.seed);
  const n = header.recorded;
  const series: Series = { n, calories: 0 };
  const intensity = new Float64Array(n);
  const { discipline, kind } = header.plan;
  if (discipline === "cycling") {
    cycling(member, header, rng, series, intensity);
    // a class ridden in the app without a bike: heart rate from the effort, but no bike channels at all
    if (header.quirks.includes("noOutput")) for (const channel of ["output", "cadence", "resistance", "speed", "distance"] as const) delete series[channel];
  } else if (kind === "tread_run" || kind === "tread_walk") tread(member, header, rng, series, intensity);
  else if (kind === "outdoor_walk" || kind === "outdoor_run") outdoor(member, header, rng, series, intensity);
  else if (discipline === "caesar") row(member, header, rng, series, intensity);
  else {
    const perMinute: Partial<Record<string, number>> = { strength: 7, yoga: 4, stretching: 2.5, meditation: 1.1 };
    series.calories = Math.round(((perMinute[discipline] ?? 3) * n) / 60);
    for (let s = 0; s < n; s++) intensity[s] = discipline === "strength" ? (s % 60 < 40 ? 0.62 : 0.48) : 0.32;
  }
  const hasHrMetric = header.hasHr && discipline !== "meditation" && discipline !== "stretching";
  if (hasHrMetric) series.heartRate = heartRate(member, header, intensity, seededRandom(header.seed ^ 0x5f3759df));
  return series;
}
