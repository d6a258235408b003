import Link from "@/components/ui/link";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { historyPageLinks, type HistoryFacets, type HistoryFilters, type HistoryPage } from "@/lib/domain/workout-history";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { HistoryFiltersForm } from "./history-filters";
import { HistoryTable } from "./history-table";
import { formatCount } from "@/lib/format/intl";
import { Arrow } from "@/components/ui/arrow";

interface WorkoutHistoryProps {
  facets: HistoryFacets;
  filters: HistoryFilters;
  /** the URL's parameters, kept in the page links */
  params: Record<string, string>;
  page: HistoryPage;
  /** why the URL's filters were ignored, if they were */
  ignored: string | null;
  /** the user's unit system, for the distances */
  units: UnitsSetting;
}

/** The workout history: filters, one page of workouts, and links to walk the pages. */
export function WorkoutHistory({ facets, filters, params, page, ignored, units }: WorkoutHistoryProps) {
  if (facets.total === 0) return <NoWorkoutsYet />;
  const links = historyPageLinks(params, page.nextCursor, page.prevCursor);
  const filtered = page.matches !== facets.total;
  const newestFirst = filters.sort === "date" && filters.dir === "desc";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Workouts</h1>
        <p className="text-sm text-muted" data-testid="history-count">
          {filtered ? `${formatCount(page.matches)} of ${formatCount(facets.total)} match` : `${formatCount(facets.total)} in your history`}
        </p>
      </div>
      {ignored && <Alert tone="warn" title="Some filters were ignored">{ignored}</Alert>}
      <Card>
        <HistoryFiltersForm facets={facets} filters={filters} />
      </Card>
      <Card>
        {page.rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-muted" data-testid="history-empty">
            No workouts match these filters. <Link href="/workouts" className="underline">Clear them</Link>
          </p>
        ) : (
          <HistoryTable rows={page.rows} units={units} />
        )}
        <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <span className="flex gap-2">
            {links.prev && (
              <Link href={links.prev} className={buttonClass("secondary")} data-testid="history-prev">
                <Arrow dir="left" /> {newestFirst ? "Newer workouts" : "Previous page"}
              </Link>
            )}
            {links.prev && (
              <Link href={links.first} className={buttonClass("ghost")}>
                Back to the start
              </Link>
            )}
          </span>
          {links.next && (
            <Link href={links.next} className={buttonClass("secondary")} data-testid="history-next">
              {newestFirst ? "Older workouts" : "Next page"} <Arrow dir="right" />
            </Link>
          )}
        </nav>
      </Card>
    </div>
  );
}

function NoWorkoutsYet() {
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
