/** UTC offsets of IANA zones via Intl (DST-aware), cached per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Seconds to add to a UTC epoch to get local wall-clock time in `timeZone`. */
export function tzOffsetSeconds(timeZone: string, epochSeconds: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) / 1000;
  return local - Math.floor(epochSeconds);
}

/** Local wall-clock seconds (as if UTC) for an epoch. */
export const localSeconds = (timeZone: string, epochSeconds: number) => epochSeconds + tzOffsetSeconds(timeZone, epochSeconds);

/** The local calendar day number (days since 1970-01-01 in local time). */
export const localDay = (timeZone: string, epochSeconds: number) => Math.floor(localSeconds(timeZone, epochSeconds) / 86400);

export function isoDate(timeZone: string, epochSeconds: number): string {
  return new Date(localSeconds(timeZone, epochSeconds) * 1000).toISOString().slice(0, 10);
}
