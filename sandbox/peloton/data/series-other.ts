import type { MemberSpec } from "./members";
import { KM_PER_MI, LB_PER_KG, rowPower, rowSplitSeconds, treadPower, treadSpeedMph } from "./physics";
import { arr, blocksBySecond, gauss, mid, type Rng, type Series } from "./series-kit";
import type { WorkoutHeader } from "./types";

/** Treadmill, rower and outdoor samples (cycling lives in series.ts). */
export function tread(member: MemberSpec, header: WorkoutHeader, rng: Rng, series: Series, intensity: Float64Array): void {
  const n = header.recorded;
  const blocks = blocksBySecond(header);
  const walking = header.plan.kind === "tread_walk";
  const kg = member.weightLb / LB_PER_KG;
  const unit = member.distanceUnit === "km" ? KM_PER_MI : 1;
  const [output, speed, pace, incline, altitude, distance] = [arr(n), arr(n), arr(n), arr(n), arr(n), arr(n)];
  let mph = 1;
  let inc = 1;
  let dist = 0;
  let alt = 0;
  for (let s = 0; s < n; s++) {
    const block = blocks[s];
    const level = block?.paceIntensity ?? (walking ? 1 : 2);
    const target = Math.round(treadSpeedMph(member.paceLevel, level, walking) * header.form * 10) / 10;
    // A treadmill changes speed in 0.1 mph steps, a few per second, a second or two after the cue.
    if (s % 2 === 0 && Math.abs(target - mph) > 0.05) mph += Math.sign(target - mph) * Math.min(0.3, Math.abs(target - mph));
    mph = Math.round(mph * 10) / 10;
    const incTarget = Math.round(mid(block?.incline, 1) * 2) / 2;
    if (s % 3 === 0 && inc !== incTarget) inc += Math.sign(incTarget - inc) * 0.5;
    const mps = mph * 0.44704;
    output[s] = Math.max(0, treadPower(kg, mps, inc) * (1 + gauss(rng) * 0.01));
    speed[s] = mph * unit;
    // Below a slow walk the tread shows no pace (the belt is just starting or stopping).
    pace[s] = mph >= 1 ? 60 / (mph * unit) : Number.NaN;
    incline[s] = inc;
    dist += (mph * unit) / 3600;
    alt += mps * (inc / 100) * 3.28084;
    distance[s] = dist;
    altitude[s] = alt;
    intensity[s] = 0.5 + level * (walking ? 0.05 : 0.09);
  }
  Object.assign(series, { output, speed, pace, incline, altitude, distance });
  series.calories = Math.round(kg * (dist / unit) * KM_PER_MI * (walking ? 0.75 : 1.03) + alt * 0.02);
}

export function row(member: MemberSpec, header: WorkoutHeader, rng: Rng, series: Series, intensity: Float64Array): void {
  const n = header.recorded;
  const blocks = blocksBySecond(header);
  const [output, strokeRate, splitPace, distance] = [arr(n), arr(n), arr(n), arr(n)];
  let split = rowSplitSeconds(member.paceLevel, 0);
  let spm = 20;
  let metres = 0;
  let kj = 0;
  for (let s = 0; s < n; s++) {
    const block = blocks[s];
    const target = rowSplitSeconds(member.paceLevel, block?.paceIntensity ?? 0) / (1 + (header.form - 1) * 0.4);
    split += (target - split) * 0.15 + gauss(rng) * 0.5;
    spm += (mid(block?.strokeRate, 22) - spm) * 0.3 + gauss(rng) * 0.4;
    output[s] = rowPower(split);
    kj += rowPower(split) / 1000;
    strokeRate[s] = Math.round(spm);
    splitPace[s] = split / 60;
    metres += 500 / split;
    distance[s] = metres;
    intensity[s] = 0.55 + (block?.paceIntensity ?? 0) * 0.12;
  }
  Object.assign(series, { output, strokeRate, splitPace, distance });
  series.calories = Math.round(kj * 1.6 + n / 30);
}

export function outdoor(member: MemberSpec, header: WorkoutHeader, rng: Rng, series: Series, intensity: Float64Array): void {
  const n = header.recorded;
  const unit = member.distanceUnit === "km" ? KM_PER_MI : 1;
  const [speed, pace, altitude, distance, lat, lon] = [arr(n), arr(n), arr(n), arr(n), arr(n), arr(n)];
  const stops = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => [Math.floor(rng() * n), 15 + Math.floor(rng() * 40)] as const);
  const loopMiles = 1.6 + rng() * 1.2;
  const phase = rng() * Math.PI * 2;
  const running = header.plan.kind === "outdoor_run";
  const cruise = running ? 6.2 : 3.5;
  let mph = running ? 5.5 : 3.2;
  let miles = 0;
  for (let s = 0; s < n; s++) {
    const stopped = stops.some(([at, len]) => s >= at && s < at + len);
    mph = stopped ? 0 : Math.max(2.4, mph + (cruise * header.form - mph) * 0.05 + gauss(rng) * 0.08);
    miles += mph / 3600;
    speed[s] = mph * unit;
    pace[s] = mph > 0 ? 60 / (mph * unit) : Number.NaN;
    distance[s] = miles * unit;
    const angle = phase + (miles / loopMiles) * Math.PI * 2;
    altitude[s] = 95 + 28 * Math.sin(angle * 2) + 9 * Math.sin(angle * 5);
    // An ellipse through the member's home area, roughly loopMiles around.
    const r = loopMiles / (2 * Math.PI) / 69;
    lat[s] = member.home.lat + r * Math.sin(angle);
    lon[s] = member.home.lon + (1.6 * r * Math.cos(angle)) / Math.cos((member.home.lat * Math.PI) / 180);
    intensity[s] = mph > 0 ? 0.45 + (mph - 3) * 0.08 : 0.35;
  }
  Object.assign(series, { speed, pace, altitude, distance, lat, lon });
  series.calories = Math.round((member.weightLb / LB_PER_KG) * miles * KM_PER_MI * 0.62);
}

