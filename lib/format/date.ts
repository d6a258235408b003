import { resolveTimeZone } from "@/lib/time/time-zone";
import { dateTimeFormat } from "./intl";

/**
 * Every date and time a user sees, in one zone: the user's (server/queries/user-time-zone.ts: Settings, else
 * TrainingPeaks', else Peloton's, else UTC), never the zone of the server or the browser that renders it, so the
 * server's HTML and the browser's hydration agree. An unknown zone reads as UTC. Pure, with cached formatters.
 */
type Style = "date" | "short" | "dateTime" | "long";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  /** "2 May 2026" */
  date: { dateStyle: "medium" },
  /** "2 May 2026, 07:12" (the history's and lists' compact form) */
  short: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** "2 May 2026, 07:12" */
  dateTime: { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" },
  /** "Saturday, 2 May 2026 at 07:12" */
  long: { dateStyle: "full", timeStyle: "short", hourCycle: "h23" },
};

function formatIn(iso: string, timeZone: string | null | undefined, style: Style): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "—";
  return dateTimeFormat("en-GB", { ...OPTIONS[style], timeZone: resolveTimeZone(timeZone).timeZone }).format(at);
}

/** A workout's local start: "2 May 2026, 07:12", or the long form on its own page. */
export function formatWorkoutDate(iso: string, timeZone: string | null | undefined, style: "short" | "long" = "short"): string {
  return formatIn(iso, timeZone, style);
}

/** "2 May 2026": the day of an account event (connected, aired) in the user's zone. */
export function formatDate(iso: string, timeZone: string | null | undefined): string {
  return formatIn(iso, timeZone, "date");
}

/** "2 May 2026, 07:12": an account event's time (last checked, last sync) in the user's zone. */
export function formatDateTime(iso: string, timeZone: string | null | undefined): string {
  return formatIn(iso, timeZone, "dateTime");
}

/**
 * An exact moment for a cutoff the user must be able to check a workout against: date, time to the second and the
 * zone's name ("2 May 2026 at 07:12:05 CEST").
 */
export function formatMoment(iso: string, timeZone: string | null | undefined): string {
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" };
  const parts = dateTimeFormat("en-GB", { ...options, timeZone: resolveTimeZone(timeZone).timeZone }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")} at ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`.trim();
}
