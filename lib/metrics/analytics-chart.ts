import type { CurvePoint, PmcDay } from "@/lib/domain/analytics";
import type { UnitsSetting } from "@/lib/domain/thresholds";

/**
 * Chart data for the analytics pages, shaped here so the Recharts components only render (pure): PMC rows, curve rows
 * on a log time axis with readable ticks, paces from speeds, and date ticks that land on month or week starts.
 */

/** "5 s", "1 min", "1 min 30 s", "20 min", "1 h", "1 h 30 min". */
export function formatEffortDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Short tick labels for the log axis: 1s 5s 15s 1m 5m 20m 1h 2h. */
export const CURVE_TICKS: readonly number[] = [1, 5, 15, 60, 300, 1200, 3600, 7200];

export function curveTickLabel(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds / 3600)}h`;
}

export type CurveSportKind = "ride" | "run" | "row";

/** Metres a pace is quoted per: runs per km or mile, rows per 500 m. */
export function paceDistance(sport: CurveSportKind, units: UnitsSetting): number {
  if (sport === "row") return 500;
  return units === "imperial" ? 1609.344 : 1000;
}

export function paceUnit(sport: CurveSportKind, units: UnitsSetting): string {
  return sport === "row" ? "/500 m" : units === "imperial" ? "/mi" : "/km";
}

/** A curve value as charted: watts for rides, seconds per pace distance for runs and rows. */
export function curveValue(sport: CurveSportKind, value: number, units: UnitsSetting): number {
  if (sport === "ride") return Math.round(value);
  return value > 0 ? Math.round(paceDistance(sport, units) / value) : 0;
}

export interface CurveRow {
  seconds: number;
  current: number | null;
  compare: number | null;
  currentId: string | null;
  currentTitle: string | null;
  currentDay: string | null;
}

export function curveRows(sport: CurveSportKind, units: UnitsSetting, current: readonly CurvePoint[], compare: readonly CurvePoint[] | null): CurveRow[] {
  const seconds = [...new Set([...current.map((p) => p.seconds), ...(compare ?? []).map((p) => p.seconds)])].sort((a, b) => a - b);
  const at = (list: readonly CurvePoint[] | null, s: number) => list?.find((p) => p.seconds === s) ?? null;
  return seconds.map((s) => {
    const c = at(current, s);
    const o = at(compare, s);
    return {
      seconds: s,
      current: c ? curveValue(sport, c.value, units) : null,
      compare: o ? curveValue(sport, o.value, units) : null,
      currentId: c?.workoutId ?? null,
      currentTitle: c?.title ?? null,
      currentDay: c?.day ?? null,
    };
  });
}

export interface PmcRow {
  day: string;
  load: number;
  ctl: number;
  atl: number;
  tsb: number;
}

export function pmcRows(days: readonly PmcDay[]): PmcRow[] {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return days.map((d) => ({ day: d.day, load: Math.round(d.load), ctl: r1(d.ctl), atl: r1(d.atl), tsb: r1(d.tsb) }));
}

/** Ticks for a day axis: the first of each month (long ranges, every 2nd/3rd/6th month) or each Monday (short ones). */
export function dayTicks(days: readonly string[]): string[] {
  if (days.length <= 1) return [...days];
  if (days.length <= 45) {
    const mondays = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1);
    return days.length <= 14 ? [...days] : mondays;
  }
  const firsts = days.filter((d) => d.endsWith("-01"));
  const step = firsts.length > 36 ? 6 : firsts.length > 18 ? 3 : firsts.length > 8 ? 2 : 1;
  return firsts.filter((d) => (Number(d.slice(5, 7)) - 1) % step === 0);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar ’26" for a month start on a long axis (short enough for a phone), "12 Mar" otherwise. */
export function dayTickLabel(day: string, long: boolean): string {
  const month = MONTHS[Number(day.slice(5, 7)) - 1] ?? "";
  return long ? `${month} ’${day.slice(2, 4)}` : `${Number(day.slice(8, 10))} ${month}`;
}

export function formatDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ""} ${day.slice(0, 4)}`;
}

export interface FtpHistoryRow {
  /** ms since epoch of the day (a numeric time axis) */
  t: number;
  day: string;
  peloton: number | null;
  trainingpeaks: number | null;
  yours: number | null;
  test: number | null;
  testWorkoutId: string | null;
}

/**
 * One row per day with a change: each source's FTP where it changes (drawn as steps), test results as points, and a
 * last row today so every line reaches the present.
 */
export function ftpHistoryRows(
  entries: readonly { day: string; value: number; source: "manual" | "ftp_test" | "peloton" | "trainingpeaks" }[],
  tests: readonly { day: string; result: number; workoutId: string }[],
  today: string,
): FtpHistoryRow[] {
  const rows = new Map<string, FtpHistoryRow>();
  const row = (day: string) => {
    let r = rows.get(day);
    if (!r) {
      r = { t: Date.parse(`${day}T00:00:00Z`), day, peloton: null, trainingpeaks: null, yours: null, test: null, testWorkoutId: null };
      rows.set(day, r);
    }
    return r;
  };
  const last: Record<"peloton" | "trainingpeaks" | "yours", number | null> = { peloton: null, trainingpeaks: null, yours: null };
  for (const e of [...entries].sort((a, b) => a.day.localeCompare(b.day))) {
    const key = e.source === "peloton" ? "peloton" : e.source === "trainingpeaks" ? "trainingpeaks" : "yours";
    row(e.day)[key] = Math.round(e.value);
    last[key] = Math.round(e.value);
  }
  for (const t of tests) Object.assign(row(t.day), { test: t.result, testWorkoutId: t.workoutId });
  if (rows.size) Object.assign(row(today), { peloton: last.peloton, trainingpeaks: last.trainingpeaks, yours: last.yours });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

export interface ZoneBar {
  key: string;
  label: string;
  range: string;
  seconds: number;
  tone: number;
}

/** Time-in-zone bars from the workout chart's power zones (ranges that tile, zones.ts). */
export function powerZoneBars(zones: readonly { zone: number; name: string; lower: number; upper: number | null; seconds: number }[]): ZoneBar[] {
  return zones.map((z) => ({ key: `p${z.zone}`, label: `Z${z.zone}`, range: `${z.name}, ${z.upper === null ? `${z.lower}+ W` : `${z.lower}–${z.upper} W`}`, seconds: z.seconds, tone: z.zone }));
}

/** Time-in-zone bars from the workout chart's heart-rate zones (Friel 1–5c or % of max). */
export function heartRateZoneBars(zones: readonly { id: string; name: string; range: string; tone: number; seconds: number }[]): ZoneBar[] {
  return zones.map((z) => ({ key: `h${z.id}`, label: `Z${z.id}`, range: `${z.name}, ${z.range}`, seconds: z.seconds, tone: z.tone }));
}
