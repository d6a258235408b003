import Link from "@/components/ui/link";
import { disciplineLabel } from "@/lib/format/display";
import type { HistoryFacets, HistoryFilters } from "@/lib/domain/workout-history";
import { buttonClass } from "@/components/ui/button";
import { disciplineSlug } from "@/lib/domain/discipline-slug";

const field = "min-h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm";

/**
 * The history's filters as a plain GET form (they live in the URL). Nothing applies until Apply (or Enter in a field):
 * arrowing through a select's options is only choosing, so keyboard users keep their place.
 */
export function HistoryFiltersForm({ facets, filters }: { facets: HistoryFacets; filters: HistoryFilters }) {
  return (
    <form method="get" action="/workouts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="history-filters">
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-muted sm:col-span-3 lg:col-span-2">
        Search title or instructor
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="e.g. Power Zone, Matt" className={field} />
      </label>
      <FilterSelect
        label="Discipline"
        name="discipline"
        value={filters.discipline ? disciplineSlug(filters.discipline) : undefined}
        testId="filter-discipline"
        options={facets.disciplines.map((d) => ({ value: disciplineSlug(d.value), label: `${disciplineLabel(d.value)} (${d.count})` }))}
      />
      <FilterSelect
        label="Instructor"
        name="instructor"
        value={filters.instructor}
        testId="filter-instructor"
        options={facets.instructors.map((i) => ({ value: i.name, label: `${i.name} (${i.count})` }))}
      />
      <FilterSelect label="Class type" name="type" value={filters.type} testId="filter-type" options={facets.classTypes.map((t) => ({ value: t, label: t }))} />
      <FilterSelect
        label="Class length"
        name="length"
        value={filters.length ? String(filters.length) : undefined}
        anyLabel="Any"
        options={facets.lengths.map((m) => ({ value: String(m), label: `${m} min` }))}
      />
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        From
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        To
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      {/* on phones sort and order take a row each: half a row cut "Newest / highest" under the select's arrow */}
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-muted sm:col-span-1">
        Sort by
        <select name="sort" defaultValue={filters.sort} className={field}>
          <option value="date">Date</option>
          <option value="output">Output</option>
          <option value="tss">TSS</option>
        </select>
      </label>
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-muted sm:col-span-1">
        Order
        <select name="dir" defaultValue={filters.dir} className={field}>
          <option value="desc">Newest / highest</option>
          <option value="asc">Oldest / lowest</option>
        </select>
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass("primary", "flex-1")} data-testid="history-apply">
          Apply
        </button>
        <Link href="/workouts" className={buttonClass("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}

/** One filter as a select whose first option clears it. */
function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel = "All",
  testId,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel?: string;
  testId?: string;
}) {
  // a chosen value the other filters leave no workouts for stays listed, so the form still shows what is applied
  const shown = value && !options.some((o) => o.value === value) ? [...options, { value, label: "Current choice (no matches with the other filters)" }] : options;
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field} data-testid={testId}>
        <option value="">{anyLabel}</option>
        {/* keyed by position: ids as keys would put every instructor's 32-character id in the payload a second time */}
        {shown.map((o, i) => (
          <option key={i} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
