/** Display formatting shared by pages and components (pure). */
import { formatFixed } from "./intl";

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return formatFixed(value, decimals);
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
