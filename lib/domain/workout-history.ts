import { z } from "zod";
import type { OtherAccountLabel } from "./peloton-connection";
import type { ScoreMethod } from "./analytics";
import { issueMessage } from "@/lib/errors/issue-message";
import { disciplineFromSlug } from "./discipline-slug";

/** The workout history as pages and filters see it: the filters (from the URL), a page of rows, the filter options. */

export const SORTS = ["date", "output", "tss"] as const;
export type HistorySort = (typeof SORTS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written as year-month-day (2026-05-02).");
export const historyFiltersSchema = z.object({
  discipline: z
    .string()
    .max(40)
    .regex(/^[a-z_-]+$/, "That discipline isn’t one we know, so it was left out.")
    .transform(disciplineFromSlug)
    .optional(),
  /** the instructor's name as the filter lists it (readable in the URL); an instructor id, as older links carry, also matches */
  instructor: z
    .string()
    .trim()
    .max(80)
    .regex(/^[\p{L}\p{M}\p{N} .,'’&()-]+$/u, "That instructor isn’t one we know, so the filters were left out.")
    .optional(),
  length: z.coerce.number().int().min(1).max(240).optional(),
  from: day.optional(),
  to: day.optional(),
  type: z.string().max(60).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORTS).default("date"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  cursor: z.string().max(200).optional(),
  /** the page that ends just before this position (the "previous page" link) */
  before: z.string().max(200).optional(),
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
  /** Peloton's distance in metres (shown in the user's units) */
  distanceMeters: number | null;
  syncState: "pending" | "complete" | "failed";
  /** set when the workout came from a Peloton account other than the connected one (docs/architecture.md "Accounts") */
  otherAccount: OtherAccountLabel | null;
  /** Peloton had not finished the workout when it was synced */
  inProgress: boolean;
}

export interface HistoryPage {
  rows: HistoryRow[];
  nextCursor: string | null;
  /** where the previous page ends (null on the first page) */
  prevCursor: string | null;
  /** how many workouts match the filters, over every page */
  matches: number;
}

export interface HistoryFacets {
  disciplines: { value: string; count: number }[];
  /** by name: the filter's value is the name, so the URL reads and a page lists each name once */
  instructors: { name: string; count: number }[];
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
  if (!parsed.success) return { params, filters: historyFiltersSchema.parse({}), ignored: describeIgnored(parsed.error.issues[0]) };
  const { from, to } = parsed.data;
  if (from && to && from > to) {
    // a reversed range matches nothing: say so and keep the other filters rather than show an empty page
    const { from: _from, to: _to, ...rest } = params;
    return {
      params: rest,
      filters: { ...parsed.data, from: undefined, to: undefined },
      ignored: `The “From” date (${from}) is after the “To” date (${to}), so the dates were left out. Pick a start on or before the end.`,
    };
  }
  return { params, filters: parsed.data, ignored: null };
}

function describeIgnored(issue: Parameters<typeof issueMessage>[0] | undefined): string {
  const why = issue ? issueMessage(issue) : "These filters aren’t valid.";
  return /left out\.$/.test(why) ? why : `${why} The filters were left out.`;
}

/** Whether an instructor filter is a Peloton instructor id (32 hex digits), as links made before it took names carry. */
export function isInstructorId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}

/** The words of a search, each of which must appear in the class title or the instructor's name ("pow zone" finds "Power Zone"). */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Links to the first page, the page after `nextCursor` and the page before `prevCursor`, keeping every filter. */
export function historyPageLinks(
  params: Record<string, string>,
  nextCursor: string | null,
  prevCursor: string | null = null,
): { first: string; next: string | null; prev: string | null } {
  const { cursor: _cursor, before: _before, ...filters } = params;
  return {
    first: `/workouts?${new URLSearchParams(filters)}`,
    next: nextCursor ? `/workouts?${new URLSearchParams({ ...filters, cursor: nextCursor })}` : null,
    prev: prevCursor ? `/workouts?${new URLSearchParams({ ...filters, before: prevCursor })}` : null,
  };
}
