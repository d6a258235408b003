/** Display formatting shared by pages and components (pure). */
import { dateTimeFormat, numberFormat } from "./intl";

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

export function formatDistance(meters: number | null | undefined): string {
  if (meters === null || meters === undefined || !Number.isFinite(meters) || meters <= 0) return "—";
  return meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`;
}

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return numberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

const DISCIPLINES: Record<string, string> = {
  cycling: "Cycling",
  running: "Running",
  walking: "Walking",
  caesar: "Rowing",
  strength: "Strength",
  yoga: "Yoga",
  meditation: "Meditation",
  stretching: "Stretching",
  cardio: "Cardio",
  bike_bootcamp: "Bike Bootcamp",
  caesar_bootcamp: "Row Bootcamp",
  circuit: "Bootcamp",
};

export function disciplineLabel(slug: string): string {
  return DISCIPLINES[slug] ?? slug.replace(/[_-]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
}

// Peloton FTP sources: profile values are bare ("workout"), workout values carry the ftp_…_source form.
const FTP_SOURCES: Record<string, string> = {
  workout: "from an FTP test",
  manual: "manual entry × 95 %",
  estimated: "Peloton estimate",
  unknown: "source unknown",
};

/** Where an FTP came from, in words ("ftp_workout_source" and "workout" → "from an FTP test"); unknown text is kept. */
export function ftpSourceLabel(source: string): string {
  const key = /^ftp_(\w+)_source$/.exec(source)?.[1] ?? source;
  return FTP_SOURCES[key] ?? source;
}

/**
 * A workout's durations, each saying what it is: "45:00 class · 45:12 recorded · 47:27 start to finish". `recorded` is
 * the timer time every figure uses (the page, the FIT file, the comparison); start to finish (Peloton's start and end,
 * with the intro and any pause) is shown only when it differs from it by 30 s or more.
 */
export function describeDurations(d: { classSeconds: number | null; recordedSeconds: number | null; elapsedSeconds: number | null }): string {
  const parts: string[] = [];
  if (d.classSeconds) parts.push(`${formatDuration(d.classSeconds)} class`);
  if (d.recordedSeconds) parts.push(`${formatDuration(d.recordedSeconds)} recorded`);
  if (d.elapsedSeconds && (!d.recordedSeconds || Math.abs(d.elapsedSeconds - d.recordedSeconds) >= 30)) {
    parts.push(`${formatDuration(d.elapsedSeconds)} start to finish`);
  }
  return parts.join(" · ") || "—";
}

/** A workout's local date and time in the given zone: the user's (server/queries/user-time-zone.ts); UTC when unknown. */
export function formatWorkoutDate(iso: string, timeZone: string | null, style: "short" | "long" = "short"): string {
  const opts: Intl.DateTimeFormatOptions =
    style === "long" ? { dateStyle: "full", timeStyle: "short" } : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };
  try {
    return dateTimeFormat("en-GB", { ...opts, timeZone: timeZone ?? "UTC" }).format(new Date(iso));
  } catch {
    return dateTimeFormat("en-GB", { ...opts, timeZone: "UTC" }).format(new Date(iso));
  }
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "2 May 2026", on the clock of whoever renders it (for account events, not for workouts: see formatWorkoutDate). */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** "2 May 2026, 07:12", on the clock of whoever renders it. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}
