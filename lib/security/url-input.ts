import { isDay } from "@/lib/metrics/calendar";
import { COMPARE_OPTIONS, RANGE_OPTIONS } from "@/lib/metrics/ranges";
import { historyFiltersSchema } from "@/lib/domain/workout-history";

/**
 * URL input of the pages that read search parameters, checked before the page renders (proxy.ts), so a bad link
 * answers 400 with what is wrong instead of a page with status 200 (docs/security.md). The pages keep their own
 * lenient parsing as a second line. Returns the message for the user, or null when the input is fine. An empty
 * value counts as absent, as in the pages (their filter forms send `discipline=` for "All").
 */
type Check = (params: URLSearchParams) => string | null;

function dayParams(...names: string[]): Check {
  return (params) => {
    for (const name of names) {
      const value = params.get(name);
      if (value && !isDay(value)) return `"${name}" must be a calendar date as YYYY-MM-DD, such as 2026-03-31.`;
    }
    return null;
  };
}

function oneOf(name: string, allowed: readonly string[]): Check {
  return (params) => {
    const value = params.get(name);
    return value && !allowed.includes(value) ? `"${name}" must be one of: ${allowed.join(", ")}.` : null;
  };
}

/** A history cursor is base64url JSON `{ v, id }` written by the workouts query; anything else was not ours. */
export function isHistoryCursor(text: string): boolean {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return false;
  try {
    const json: unknown = JSON.parse(atob(text.replace(/-/g, "+").replace(/_/g, "/")));
    return typeof json === "object" && json !== null && "v" in json && typeof json.v === "number" && "id" in json && typeof json.id === "string";
  } catch {
    return false;
  }
}

const history: Check = (params) => {
  const first = Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.get(k) ?? ""]).filter(([, v]) => v !== ""));
  const parsed = historyFiltersSchema.safeParse(first);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message ?? "not a valid filter";
    return `"${String(issue?.path[0] ?? "filter")}": ${message}${/[.!?]$/.test(message) ? "" : "."}`;
  }
  const cursor = params.get("cursor");
  return cursor && !isHistoryCursor(cursor) ? '"cursor" is not a page link AutoCoach wrote. Go back to the first page of your workouts.' : null;
};

const rangeKeys = [...RANGE_OPTIONS.map((o) => o.key), "custom"];
const compareKeys = [...COMPARE_OPTIONS.map((o) => o.key), "custom"];

const CHECKS: Record<string, Check[]> = {
  "/calendar": [dayParams("date"), oneOf("view", ["month", "week"])],
  "/fitness": [dayParams("from", "to"), oneOf("range", rangeKeys)],
  "/power": [dayParams("from", "to", "cfrom", "cto"), oneOf("range", rangeKeys), oneOf("compare", compareKeys), oneOf("sport", ["ride", "run", "row"])],
  "/workouts": [history],
};

export function badPageInput(pathname: string, params: URLSearchParams): string | null {
  for (const check of CHECKS[pathname] ?? []) {
    const problem = check(params);
    if (problem) return problem;
  }
  return null;
}
