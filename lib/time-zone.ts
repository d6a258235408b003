/**
 * Wall-clock time in an IANA time zone (pure). TrainingPeaks datetimes carry no zone: they are the athlete's local
 * time, so we write and compare them in the athlete's profile time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
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

export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DDTHH:mm:ss` as a clock in `timeZone` shows `date` (UTC when the zone is unknown or invalid). */
export function toLocalDateTime(date: Date, timeZone: string | null | undefined): string {
  if (!isValidTimeZone(timeZone)) return date.toISOString().slice(0, 19);
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
