import { wallClockAt } from "@/lib/time/time-zone";
/**
 * Calendar helpers. TrainingPeaks speaks in athlete-local dates and zone-less datetimes, so the
 * simulator works with "day numbers" (days since 1970-01-01 of a local calendar date) and converts
 * to UTC only for LastModifiedDate.
 */
const DAY_MS = 86_400_000;

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Strict `YYYY-MM-DD` (a real calendar date) to a day number, or null. */
export function parseDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** The athlete-local calendar day and second of day at an instant. */
export function wallClock(ms: number, timeZone: string): { day: number; secondOfDay: number } {
  const w = wallClockAt(ms, timeZone);
  return { day: Date.UTC(w.year, w.month - 1, w.day) / DAY_MS, secondOfDay: w.hour * 3600 + w.minute * 60 + w.second };
}

/** The athlete-local calendar day at an instant. */
export function localDay(ms: number, timeZone: string): number {
  return wallClock(ms, timeZone).day;
}

/** The UTC instant of a local wall-clock time (DST gaps resolve forward, which is fine for fixtures). */
export function localToUtc(day: number, secondOfDay: number, timeZone: string): number {
  const asUtc = day * DAY_MS + secondOfDay * 1000;
  const offsetAt = (ms: number) => {
    const wall = wallClock(ms, timeZone);
    return wall.day * DAY_MS + wall.secondOfDay * 1000 - Math.floor(ms / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Local datetime without zone, e.g. `2026-05-02T07:12:05`. */
export function formatLocalDateTime(day: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${formatDay(day)}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** UTC with seven fraction digits, as .NET serialises it: `2026-05-02T10:01:44.1234567Z`. */
export function formatUtcTicks(ms: number, ticks: number): string {
  const base = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  return `${base}.${pad(Math.floor(ticks) % 10_000_000, 7)}Z`;
}
