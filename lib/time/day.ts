/**
 * A real calendar day written YYYY-MM-DD (2026-02-30 is refused). Apart from lib/time/day-range.ts's schemas because
 * client code uses it (the calendar): importing it from a module that builds zod schemas at load put all of zod,
 * 33 KB gzipped, into the calendar page's first JavaScript (the no-zod check in e2e/workouts-lazy-charts.spec.ts keeps it out).
 */
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: string): boolean =>
  DAY_RE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
