import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getHistoryFacets, historyFiltersSchema, listWorkoutHistory } from "@/server/queries/workouts";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { HistoryFiltersForm } from "./_components/history-filters";
import { HistoryTable } from "./_components/history-table";

export const metadata: Metadata = { title: "Workouts" };

type Search = Record<string, string | string[] | undefined>;

function first(search: Search): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value) out[k] = value;
  }
  return out;
}

export default async function WorkoutsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const raw = first(await searchParams);
  const parsed = historyFiltersSchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : historyFiltersSchema.parse({});
  const [facets, page] = await Promise.all([getHistoryFacets(user.id), listWorkoutHistory(user.id, filters)]);
  const { cursor: _cursor, ...withoutCursor } = raw;
  const nextHref = page.nextCursor ? `/workouts?${new URLSearchParams({ ...withoutCursor, cursor: page.nextCursor })}` : null;
  const firstHref = `/workouts?${new URLSearchParams(withoutCursor)}`;

  if (facets.total === 0) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Workouts</h1>
        <Card>
          <div className="flex flex-col items-start gap-3 py-6 text-sm">
            <p className="text-base font-semibold">No Peloton workouts yet</p>
            <p className="max-w-prose text-muted">
              Connect Peloton and sync your history: every class with its power, cadence, resistance and heart-rate data will be listed here.
            </p>
            <Link href="/connections" className={buttonClass("primary")}>
              Connect and sync Peloton
            </Link>
          </div>
        </Card>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Workouts</h1>
        <p className="text-sm text-muted">{facets.total.toLocaleString("en-US")} in your history</p>
      </div>
      {!parsed.success && <Alert tone="warn" title="Some filters were ignored">{parsed.error.issues[0]?.message}</Alert>}
      <Card>
        <HistoryFiltersForm facets={facets} filters={filters} />
      </Card>
      <Card>
        {page.rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-muted" data-testid="history-empty">
            No workouts match these filters. <Link href="/workouts" className="underline">Clear them</Link>
          </p>
        ) : (
          <HistoryTable rows={page.rows} />
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3">
          {filters.cursor ? (
            <Link href={firstHref} className={buttonClass("ghost")}>
              ← Back to the start
            </Link>
          ) : (
            <span />
          )}
          {nextHref && (
            <Link href={nextHref} className={buttonClass("secondary")} data-testid="history-next">
              {filters.sort === "date" && filters.dir === "desc" ? "Older workouts →" : "Next page →"}
            </Link>
          )}
        </nav>
      </Card>
    </div>
  );
}
