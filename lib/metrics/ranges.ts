import { addDays } from "@/lib/time/time-zone";
import { isDay } from "./calendar";

/**
 * Date ranges the fitness and power pages offer, from URL parameters (pure): last 30 / 90 days, 6 months, a year,
 * two years, all time, or custom from–to. Anything malformed falls back to the default with a note for the page.
 */
export type RangeKey = "30d" | "90d" | "180d" | "1y" | "2y" | "all" | "custom";

export const RANGE_OPTIONS: readonly { key: Exclude<RangeKey, "custom">; label: string; days: number | null }[] = [
  { key: "30d", label: "30 days", days: 30 },
  { key: "90d", label: "90 days", days: 90 },
  { key: "180d", label: "6 months", days: 182 },
  { key: "1y", label: "1 year", days: 365 },
  { key: "2y", label: "2 years", days: 730 },
  { key: "all", label: "All time", days: null },
];

export interface DayRange {
  key: RangeKey;
  /** null = from the first workout */
  from: string | null;
  to: string;
  label: string;
}

export function parseRange(params: { range?: string; from?: string; to?: string }, today: string, fallback: Exclude<RangeKey, "custom"> = "90d"): { range: DayRange; problem: string | null } {
  if (params.range === "custom" || (!params.range && (params.from || params.to))) {
    const from = params.from ?? "";
    const to = params.to ?? today;
    if (isDay(from) && isDay(to) && from <= to) return { range: { key: "custom", from, to, label: `${from} to ${to}` }, problem: null };
    const fallbackRange = parseRange({ range: fallback }, today).range;
    return { range: fallbackRange, problem: "That custom range is not two dates in order (YYYY-MM-DD), so the default range is shown." };
  }
  const option = RANGE_OPTIONS.find((o) => o.key === params.range) ?? RANGE_OPTIONS.find((o) => o.key === fallback);
  if (!option) throw new Error(`unknown fallback range ${fallback}`);
  return {
    range: { key: option.key, from: option.days === null ? null : addDays(today, -(option.days - 1)), to: today, label: option.days === null ? "All time" : `Last ${option.label}` },
    problem: params.range && !RANGE_OPTIONS.some((o) => o.key === params.range) ? "Unknown range; showing the default." : null,
  };
}

/** The range just before `range`, of the same length (the power curve's default comparison). */
export function previousRange(range: DayRange, firstDay: string | null): DayRange | null {
  const from = range.from ?? firstDay;
  if (!from) return null;
  const days = Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const to = addDays(from, -1);
  return { key: "custom", from: addDays(to, -(days - 1)), to, label: "the period before" };
}

export type CompareKey = "previous" | "year" | "all" | "none" | "custom";

export const COMPARE_OPTIONS: readonly { key: Exclude<CompareKey, "custom">; label: string }[] = [
  { key: "previous", label: "The period before" },
  { key: "year", label: "The last year" },
  { key: "all", label: "All time" },
  { key: "none", label: "Nothing" },
];

/** The range a curve is compared with: the period before (default), the last year, all time, none, or custom. */
export function parseCompare(params: { compare?: string; cfrom?: string; cto?: string }, range: DayRange, today: string, firstDay: string | null): { key: CompareKey; range: DayRange | null } {
  // All time has no period before it: it is compared with nothing unless asked.
  const key = (["previous", "year", "all", "none", "custom"] as const).find((k) => k === params.compare) ?? (range.key === "all" ? "none" : "previous");
  if (key === "none") return { key, range: null };
  if (key === "all") return { key, range: { key: "all", from: null, to: today, label: "all time" } };
  if (key === "year") return { key, range: { key: "1y", from: addDays(today, -364), to: today, label: "the last year" } };
  if (key === "custom") {
    const from = params.cfrom ?? "";
    const to = params.cto ?? "";
    if (isDay(from) && isDay(to) && from <= to) return { key, range: { key: "custom", from, to, label: `${from} to ${to}` } };
  }
  return { key: "previous", range: previousRange(range, firstDay) };
}
