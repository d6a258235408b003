import { z } from "zod";
import type { OtherAccountLabel } from "./peloton-connection";
import type { ScoreMethod } from "./analytics";

/** The workout history as pages and filters see it: the filters (from the URL), a page of rows, the filter options. */

export const SORTS = ["date", "output", "tss"] as const;
export type HistorySort = (typeof SORTS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");
export const historyFiltersSchema = z.object({
  discipline: z.string().max(40).regex(/^[a-z_]+$/, "Unknown discipline").optional(),
  instructor: z.string().max(64).regex(/^[A-Za-z0-9]+$/, "Unknown instructor").optional(),
  length: z.coerce.number().int().min(1).max(240).optional(),
  from: day.optional(),
  to: day.optional(),
  type: z.string().max(60).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORTS).default("date"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(200).optional(),
});
export type HistoryFilters = z.output<typeof historyFiltersSchema>;

export interface HistoryRow {
  id: string;
  startTime: string;
  timezone: string | null;
  title: string;
  instructor: string | null;
  discipline: string;
  durationSeconds: number | null;
  classLengthMin: number | null;
  classTypes: string[];
  outputKj: number | null;
  tss: number | null;
  /** how the score was computed (null before the workout is scored) */
  scoreMethod: ScoreMethod | null;
  avgHeartRate: number | null;
  syncState: "pending" | "complete" | "failed";
  /** set when the workout came from a Peloton account other than the connected one (docs/architecture.md "Accounts") */
  otherAccount: OtherAccountLabel | null;
}

export interface HistoryPage {
  rows: HistoryRow[];
  nextCursor: string | null;
}

export interface HistoryFacets {
  disciplines: { value: string; count: number }[];
  instructors: { id: string; name: string; count: number }[];
  classTypes: string[];
  lengths: number[];
  total: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The history's URL as filters: a repeated parameter counts once, and filters that don't parse are all ignored, with why. */
export function parseHistorySearch(search: SearchParams): { params: Record<string, string>; filters: HistoryFilters; ignored: string | null } {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value) params[k] = value;
  }
  const parsed = historyFiltersSchema.safeParse(params);
  if (parsed.success) return { params, filters: parsed.data, ignored: null };
  return { params, filters: historyFiltersSchema.parse({}), ignored: parsed.error.issues[0]?.message ?? "Invalid filters" };
}

/** Links to the first page and to the page after `nextCursor`, keeping every filter. */
export function historyPageLinks(params: Record<string, string>, nextCursor: string | null): { first: string; next: string | null } {
  const { cursor: _cursor, ...filters } = params;
  return {
    first: `/workouts?${new URLSearchParams(filters)}`,
    next: nextCursor ? `/workouts?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null,
  };
}
