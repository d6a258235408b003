import Link from "next/link";
import { disciplineLabel } from "@/lib/format/display";
import type { HistoryFacets, HistoryFilters } from "@/lib/domain/workout-history";
import { buttonClass } from "@/components/ui/button";
import { AutoSubmitForm } from "./auto-submit-form";

const field = "min-h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm";

export function HistoryFiltersForm({ facets, filters }: { facets: HistoryFacets; filters: HistoryFilters }) {
  return (
    <AutoSubmitForm className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <label className="col-span-2 flex flex-col gap-1 text-xs font-medium text-muted sm:col-span-3 lg:col-span-2">
        Search title or instructor
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="e.g. Power Zone, Matt" className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Discipline
        <select name="discipline" defaultValue={filters.discipline ?? ""} className={field} data-testid="filter-discipline">
          <option value="">All</option>
          {facets.disciplines.map((d) => (
            <option key={d.value} value={d.value}>
              {disciplineLabel(d.value)} ({d.count})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Instructor
        <select name="instructor" defaultValue={filters.instructor ?? ""} className={field} data-testid="filter-instructor">
          <option value="">All</option>
          {facets.instructors.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.count})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Class type
        <select name="type" defaultValue={filters.type ?? ""} className={field} data-testid="filter-type">
          <option value="">All</option>
          {facets.classTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Class length
        <select name="length" defaultValue={filters.length ? String(filters.length) : ""} className={field}>
          <option value="">Any</option>
          {facets.lengths.map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        From
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        To
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Sort by
        <select name="sort" defaultValue={filters.sort} className={field}>
          <option value="date">Date</option>
          <option value="output">Output</option>
          <option value="tss">TSS</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Order
        <select name="dir" defaultValue={filters.dir} className={field}>
          <option value="desc">Highest / newest first</option>
          <option value="asc">Lowest / oldest first</option>
        </select>
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass("primary", "flex-1")}>
          Apply
        </button>
        <Link href="/workouts" className={buttonClass("ghost")}>
          Reset
        </Link>
      </div>
    </AutoSubmitForm>
  );
}
