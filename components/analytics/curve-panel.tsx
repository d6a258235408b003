import Link from "@/components/ui/link";
import type { CurvePoint } from "@/lib/domain/analytics";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { curveRows, paceUnit, type CurveSportKind } from "@/lib/metrics/analytics-chart";
import { COMPARE_OPTIONS, type CompareKey, type DayRange } from "@/lib/metrics/ranges";
import { LazyCurveChart } from "./lazy-charts";

/** The curve of the chosen range against another, and the form that picks the comparison. */
export function CurvePanel(props: { sport: CurveSportKind; units: UnitsSetting; points: CurvePoint[]; compare: CurvePoint[] | null; rangeLabel: string; compareLabel: string | null }) {
  const { sport, units, points, compare } = props;
  const pace = sport !== "ride";
  const unit = pace ? paceUnit(sport, units) : "W";
  if (!points.length) {
    return (
      <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted">
        No {sport === "ride" ? "rides with power" : sport === "run" ? "runs or walks with pace" : "rows with pace"} in this range.{" "}
        <Link href="/workouts" className="underline">
          See your workouts
        </Link>
      </p>
    );
  }
  return (
    <div className="h-80" data-testid="curve-chart">
      <LazyCurveChart rows={curveRows(sport, units, points, compare)} unit={unit} pace={pace} currentLabel={props.rangeLabel} compareLabel={compare?.length ? props.compareLabel : null} />
    </div>
  );
}

export function CompareForm({ path, keep, compareKey, compareRange }: { path: string; keep: Record<string, string>; compareKey: CompareKey; compareRange: DayRange | null }) {
  return (
    <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-xs">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1">
        <span className="text-muted">Compare with</span>
        <select name="compare" defaultValue={compareKey} className="min-h-9 rounded-md border border-border bg-surface px-2">
          {COMPARE_OPTIONS.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
          <option value="custom">These dates…</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">From (dates only)</span>
        <input type="date" name="cfrom" defaultValue={compareKey === "custom" ? (compareRange?.from ?? "") : ""} className="min-h-9 rounded-md border border-border bg-surface px-2" />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">To</span>
        <input type="date" name="cto" defaultValue={compareKey === "custom" ? (compareRange?.to ?? "") : ""} className="min-h-9 rounded-md border border-border bg-surface px-2" />
      </label>
      <button type="submit" className="min-h-9 rounded-md border border-border bg-surface px-3 font-semibold hover:bg-surface-2">
        Compare
      </button>
    </form>
  );
}
