import Link from "@/components/ui/link";
import { RANGE_OPTIONS, type DayRange } from "@/lib/metrics/ranges";

/**
 * Preset ranges as links and a custom range as a plain GET form: works without JavaScript, by keyboard, and every
 * range has its own URL. `keep` carries the page's other parameters (e.g. the sport of a curve).
 */
export function RangePicker({ path, range, keep = {}, label = "Range" }: { path: string; range: DayRange; keep?: Record<string, string>; label?: string }) {
  const href = (key: string) => `${path}?${new URLSearchParams({ ...keep, range: key })}`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <nav aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-surface-2 p-1">
        {RANGE_OPTIONS.map((o) => (
          <Link
            key={o.key}
            href={href(o.key)}
            aria-current={range.key === o.key ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 text-xs font-semibold ${range.key === o.key ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text"}`}
          >
            {o.label}
          </Link>
        ))}
      </nav>
      <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-xs">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="range" value="custom" />
        <label className="flex flex-col gap-1">
          <span className="text-muted">From</span>
          <input type="date" name="from" required defaultValue={range.key === "custom" ? (range.from ?? "") : ""} className="min-h-9 rounded-md border border-border bg-surface px-2" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-muted">To</span>
          <input type="date" name="to" required defaultValue={range.key === "custom" ? range.to : ""} className="min-h-9 rounded-md border border-border bg-surface px-2" />
        </label>
        <button type="submit" className="min-h-9 rounded-md border border-border bg-surface px-3 font-semibold hover:bg-surface-2">
          Show
        </button>
      </form>
    </div>
  );
}
