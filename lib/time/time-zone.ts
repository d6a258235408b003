/**
 * TrainingPeaks datetimes carry no zone (docs/trainingpeaks-api.md §5.3: "2026-05-02T07:12:05" is the athlete's wall clock), so
 * matching them against a FIT file's UTC instant, and writing an upload's start time, need the athlete's IANA time
 * zone. Pure, Intl-based.
 */

export interface ResolvedTimeZone {
  timeZone: string;
  /** Why UTC stands in for the athlete's zone; null when the zone is known and valid. */
  fallback: "missing" | "invalid" | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23 so midnight is "00", not "24" (some engines render hour12:false midnight as 24).
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Asking Intl is the only complete test: `supportedValuesOf` omits aliases such as "UTC" it still accepts. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The athlete's zone when it is a usable IANA name, else UTC with the reason (shown to the user as a caveat). */
export function resolveTimeZone(timeZone: string | null | undefined): ResolvedTimeZone {
  const name = timeZone?.trim();
  if (!name) return { timeZone: "UTC", fallback: "missing" };
  return isValidTimeZone(name) ? { timeZone: name, fallback: null } : { timeZone: "UTC", fallback: "invalid" };
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of `timeZone` at an instant. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms (Denver in summer: −6 h). */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClockAt(instantMs, timeZone);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant a zone-less local datetime denotes in `timeZone`. A string that already has an offset or `Z`
 * is taken as is. A wall time in a DST gap reads as the later offset (02:30 → 03:30); in the repeated hour it
 * is the first pass (Temporal's "compatible" choice; rides that start in those hours are rare).
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const text = local.trim();
  if (HAS_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  const m = LOCAL_DATETIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), millis);
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset at the first guess can differ from the offset at the answer across a DST change.
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  // A wall time that does not exist (DST gap) fails the round trip: keep the later reading, as Temporal does.
  return new Date(second + offsetMs(second, timeZone) === wall ? second : Math.max(first, second));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar day ("YYYY-MM-DD") of an instant on the wall clock of `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant.getTime(), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `day` shifted by whole days (pure calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid day ${day}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:mm:ss` as a clock in `timeZone` shows `instant` (UTC when the zone is missing or invalid). */
export function toLocalDateTime(instant: Date, timeZone: string | null | undefined): string {
  const w = wallClockAt(instant.getTime(), resolveTimeZone(timeZone).timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * The local day of `instant` and its neighbours, as an inclusive range: where to look for the same session on
 * TrainingPeaks (a ride near midnight, or a zone we had to guess, can land on the neighbouring local day).
 */
export function localDaysAround(instant: Date, timeZone: string | null | undefined): { start: string; end: string } {
  const day = localDay(instant, resolveTimeZone(timeZone).timeZone);
  return { start: addDays(day, -1), end: addDays(day, 1) };
}
