/**
 * An exact moment for a cutoff the user must be able to check a workout against: date, time to the second and the
 * zone's name ("2 May 2026 at 07:12:05 CEST"), in the user's zone (server/queries/user-time-zone.ts).
 */
export function formatMoment(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const zone = safeZone(timeZone);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")} at ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`.trim();
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
