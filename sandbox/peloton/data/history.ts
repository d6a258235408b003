import { seededRandom } from "../../shared/http";
import { hexId, seedOf } from "./ids";
import { justRidePlan, plansOfKind } from "./catalog";
import { demoQuirks, quirkRandom, type Quirk } from "./quirks";
import type { MemberSpec } from "./members";
import { generateSeries } from "./series";
import { ftpTestResult } from "./summary";
import { tzOffsetSeconds } from "./tz";
import type { ClassKind, ClassPlan, FtpInfo, WorkoutHeader } from "./types";

/** A member's workout history: deterministic from the member, the anchor day and the count. */
type Rng = () => number;
const STACK_MIX: Partial<Record<ClassKind, number>> = { stretching: 5, strength: 3, meditation: 2, cool_down: 2, yoga: 1 };
/** Relative workout likelihood by weekday, Sunday first. Day 0 of the epoch was a Thursday, hence `(day + 4) % 7`. */
const WEEKDAY_DENSITY = [1.2, 1, 0.8, 1, 0.8, 0.9, 1.3];

function weighted<K extends string>(rng: Rng, mix: Partial<Record<K, number>>): K {
  const entries = Object.entries(mix).filter((e): e is [K, number] => typeof e[1] === "number" && e[1] > 0);
  const total = entries.reduce((acc, [, w]) => acc + w, 0);
  let r = rng() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r <= 0) return key;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error("empty mix");
  return last[0];
}

export function pickPlan(rng: Rng, kind: ClassKind): ClassPlan {
  if (kind === "just_ride") return justRidePlan(900 + Math.floor(rng() * 2700));
  const plans = plansOfKind(kind);
  const plan = plans[Math.floor(rng() * plans.length)];
  if (!plan) throw new Error(`no classes of kind ${kind}`);
  return plan;
}

/** Day numbers (local calendar days since the epoch) for `count` workouts, with weekly rhythm and breaks. */
function scheduleDays(rng: Rng, count: number, firstDay: number, days: number): number[] {
  const density = new Float64Array(days);
  for (let d = 0; d < days; d++) density[d] = (WEEKDAY_DENSITY[(firstDay + d + 4) % 7] ?? 1) * (d < 30 ? 0.6 : 1);
  for (let g = 0, gaps = Math.max(1, Math.floor(days / 200)); g < gaps; g++) {
    const at = 40 + Math.floor(rng() * Math.max(1, days - 80));
    density.fill(0.02, at, Math.min(days - 20, at + 7 + Math.floor(rng() * 14)));
  }
  const cdf = new Float64Array(days);
  let acc = 0;
  for (let d = 0; d < days; d++) cdf[d] = acc += density[d] ?? 0;
  const out: number[] = [];
  let d = 0;
  for (let i = 0; i < count; i++) {
    const u = Math.min(0.999999, Math.max(0, (i + 0.5 + (rng() - 0.5) * 0.9) / count)) * acc;
    while (d < days - 1 && (cdf[d] ?? 0) < u) d++;
    out.push(firstDay + d);
  }
  // Pull some workouts onto the previous workout's day: people stack a stretch or a second class.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] ?? 0;
    if ((out[i] ?? 0) - prev <= 3 && rng() < 0.15) out[i] = prev;
  }
  return out;
}

function deviceFor(rng: Rng, member: MemberSpec, plan: ClassPlan, progress: number): string {
  if (plan.discipline === "cycling") return member.key === "heavy" && progress < 0.4 ? "home_bike_v1" : "home_bike_plus";
  if (plan.kind === "tread_run" || plan.kind === "tread_walk") return "home_tread";
  if (plan.discipline === "caesar") return "caesar";
  if (plan.isOutdoor) return "iPhone";
  return rng() < 0.6 ? "home_bike_plus" : "iPhone";
}

export interface HeaderInput {
  member: MemberSpec;
  id: string;
  plan: ClassPlan;
  createdAt: number;
  status: WorkoutHeader["status"];
  ftp: FtpInfo;
  trueFtp: number;
  /** 0–1 through the member's history (older bikes early on). */
  progress: number;
  rng: Rng;
}

export function buildHeader({ member, id, plan, createdAt, status, ftp, trueFtp, progress, rng }: HeaderInput): WorkoutHeader {
  const cycling = plan.discipline === "cycling";
  const startTime = createdAt + 20 + Math.floor(rng() * 70);
  const ranked = cycling ? plan.kind !== "just_ride" : plan.kind === "tread_run" || plan.kind === "row";
  const users = 800 + Math.floor(rng() * 40000);
  return {
    id,
    memberKey: member.key,
    seed: seedOf(id),
    plan,
    createdAt,
    startTime,
    endTime: status === "IN_PROGRESS" ? null : startTime + plan.length,
    status,
    recorded: status === "IN_PROGRESS" ? Math.min(plan.duration, 720) : plan.duration,
    deviceType: deviceFor(rng, member, plan, progress),
    ftpIn: cycling ? { ...ftp } : { ftp: 0, source: null, workoutId: null },
    trueFtp,
    hasHr: rng() < (plan.discipline === "strength" || plan.discipline === "yoga" ? 0.75 : 0.9),
    hrDropouts: rng() < 0.12,
    form: plan.isFtpTest ? 0.99 + rng() * 0.02 : 0.93 + rng() * 0.11,
    leaderboardRank: ranked && status === "COMPLETE" ? 1 + Math.floor(rng() * users) : null,
    totalLeaderboardUsers: ranked && status === "COMPLETE" ? users : null,
    quirks: [],
  };
}

/**
 * A header with its quirks (quirks.ts) and what they change: a late start records 7 s less at the start and stops
 * 30–150 s before the class ends; a ride without a bike is taken on a phone.
 */
export function withQuirks(header: WorkoutHeader, quirks: readonly Quirk[]): WorkoutHeader {
  if (!quirks.length) return header;
  const rng = quirkRandom(`${header.id}:effects`);
  const out: WorkoutHeader = { ...header, quirks: [...quirks] };
  if (quirks.includes("lateStart")) out.recorded = Math.max(60, header.recorded - 7 - 30 - Math.floor(rng() * 120));
  if (quirks.includes("noOutput")) out.deviceType = "iPhone";
  return out;
}

/** Some outdoor walks of the demo are run instead (an Outdoor Run of the same length), decided by the quirk stream. */
function outdoorVariant(id: string, plan: ClassPlan): ClassPlan {
  if (plan.kind !== "outdoor_walk" || quirkRandom(`${id}:outdoor`)() >= 0.5) return plan;
  return plansOfKind("outdoor_run").find((p) => p.duration === plan.duration) ?? plan;
}

/** The FTP in force after a workout: a completed FTP test sets it from its own samples. */
export function ftpAfter(member: MemberSpec, header: WorkoutHeader, ftp: FtpInfo): FtpInfo {
  if (!header.plan.isFtpTest || header.status !== "COMPLETE") return ftp;
  const result = ftpTestResult(header, generateSeries(member, header));
  return result > 0 ? { ftp: result, source: "ftp_workout_source", workoutId: header.id } : ftp;
}

export interface HistoryOptions {
  /** Epoch seconds the history is anchored to (start of a UTC day). */
  anchor: number;
  heavyCount: number;
}

export interface History {
  headers: WorkoutHeader[];
  /** The member's FTP after the last workout (what /api/me reports). */
  ftp: FtpInfo;
}

export function generateHistory(member: MemberSpec, opts: HistoryOptions): History {
  const count = member.workouts === "heavy" ? opts.heavyCount : member.workouts;
  const manual: FtpInfo = { ftp: member.startFtp, source: member.startFtp ? "ftp_manual_source" : null, workoutId: null };
  if (count <= 0) return { headers: [], ftp: manual };
  const rng = seededRandom(seedOf(`history:${member.key}`));
  const withInProgress = count >= 20;
  const regular = withInProgress ? count - 1 : count;
  const lastDay = Math.floor(opts.anchor / 86400) - 2;
  const firstDay = lastDay - member.spanDays + 1;
  const days = scheduleDays(rng, regular, firstDay, member.spanDays);
  const ftpTestDays: number[] = [];
  for (let d = firstDay + 12; d <= lastDay; d += 42 + Math.floor(rng() * 15)) ftpTestDays.push(d);
  let nextTest = 0;
  let ftp = manual;
  const headers: WorkoutHeader[] = [];
  let dayEnd = 0;
  let prevDay = Number.NaN;

  const push = (index: number, plan: ClassPlan, createdAt: number, day: number, status: WorkoutHeader["status"]) => {
    const progress = Math.min(1, Math.max(0, (day - firstDay) / member.spanDays));
    const trueFtp = Math.round(member.startFtp * 0.97 + (member.endFtp - member.startFtp) * progress * progress * (3 - 2 * progress));
    const id = hexId(`workout:${member.key}:${index}`);
    const base = buildHeader({ member, id, plan: outdoorVariant(id, plan), createdAt, status, ftp, trueFtp, progress, rng });
    const header = withQuirks(base, demoQuirks(id, base.plan, { hasHr: base.hasHr, complete: status === "COMPLETE" }));
    ftp = ftpAfter(member, header, ftp);
    headers.push(header);
    return header;
  };

  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? lastDay;
    const localMidnight = day * 86400 - tzOffsetSeconds(member.timezone, day * 86400 + 43200);
    const stacked = day === prevDay;
    prevDay = day;
    let kind: ClassKind = stacked ? weighted(rng, STACK_MIX) : weighted(rng, member.mix);
    if (!stacked && nextTest < ftpTestDays.length && day >= (ftpTestDays[nextTest] ?? Infinity) && member.mix.power_zone) {
      kind = "ftp_test";
      while (nextTest < ftpTestDays.length && (ftpTestDays[nextTest] ?? Infinity) <= day) nextTest++;
    }
    let createdAt: number;
    if (stacked) createdAt = dayEnd + 60 + Math.floor(rng() * 180);
    else {
      const weekend = (day + 4) % 7 === 0 || (day + 4) % 7 === 6;
      const r = rng();
      const minutes = weekend ? 480 + r * 120 : r < 0.4 ? 360 + r * 225 : r < 0.5 ? 720 + r * 60 : 1050 + r * 150;
      createdAt = localMidnight + Math.floor(minutes * 60 + rng() * 60);
    }
    const header = push(i, pickPlan(rng, kind), createdAt, day, "COMPLETE");
    dayEnd = (header.endTime ?? createdAt) + 5;
  }
  if (withInProgress) {
    const plan = plansOfKind("power_zone").find((p) => p.duration === 2700) ?? pickPlan(rng, "power_zone");
    push(regular, plan, opts.anchor - 3 * 3600, lastDay + 2, "IN_PROGRESS");
  }
  return { headers, ftp };
}
