import Link from "@/components/ui/link";
import type { BestEffort, CurvePoint } from "@/lib/domain/analytics";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { curveValue, formatDay, type CurveSportKind } from "@/lib/metrics/analytics-chart";
import { formatClock } from "@/lib/format/score";

/** Best efforts (5 s, 1, 5, 20, 60 min) with the ride that set each, and the compared range's value. */
export function BestEfforts({ efforts, compare, sport, units, unit }: { efforts: BestEffort[]; compare: CurvePoint[] | null; sport: CurveSportKind; units: UnitsSetting; unit: string }) {
  const show = (value: number) => {
    const v = curveValue(sport, value, units);
    return sport === "ride" ? `${v} ${unit}` : `${formatClock(v)} ${unit}`;
  };
  if (!efforts.length) return <p className="text-sm text-muted">No efforts in this range yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="best-efforts">
        <caption className="sr-only">Best efforts and the workouts that set them</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left font-medium">Duration</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Best</th>
            <th scope="col" className="py-1 pr-3 text-left font-medium">Set in</th>
            {compare && <th scope="col" className="py-1 text-right font-medium">Compared</th>}
          </tr>
        </thead>
        <tbody>
          {efforts.map((e) => {
            const other = compare?.find((p) => p.seconds === e.seconds);
            return (
              <tr key={e.seconds} className="border-t border-border">
                <th scope="row" className="whitespace-nowrap py-2 pr-3 text-left font-medium">{e.label}</th>
                <td className="whitespace-nowrap py-2 pr-3 text-right font-semibold tabular-nums">{show(e.value)}</td>
                <td className="py-2 pr-3">
                  <Link href={`/workouts/${e.workoutId}`} className="underline decoration-border underline-offset-2 hover:decoration-current">
                    {e.title}
                  </Link>
                  <span className="block text-xs text-muted">{formatDay(e.day)}</span>
                </td>
                {compare && <td className="whitespace-nowrap py-2 text-right tabular-nums text-muted">{other ? show(other.value) : "—"}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
