import type { PmcDay } from "@/lib/domain/analytics";
import { formatDay, pmcRows } from "@/lib/metrics/analytics-chart";
import { weeklyPmc } from "@/lib/metrics/pmc";
import { PmcChart } from "@/components/charts/pmc-chart";

/** The PMC chart with its text alternative: the same figures week by week in a collapsed table. */
export function PmcPanel({ days }: { days: PmcDay[] }) {
  const weeks = weeklyPmc(days).reverse();
  return (
    <div className="space-y-3">
      <div className="h-80" data-testid="pmc-chart">
        <PmcChart rows={pmcRows(days)} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-muted">Show as table (one row per week)</summary>
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="w-full text-xs">
            <caption className="sr-only">Weekly load and fitness, fatigue and form at the end of each week</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 text-left font-medium">Week of</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Load</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Fitness</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Fatigue</th>
                <th scope="col" className="py-1 text-right font-medium">Form</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {weeks.map((w) => (
                <tr key={w.week} className="border-t border-border">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{formatDay(w.week)}</th>
                  <td className="py-1 pr-3 text-right">{Math.round(w.load)}</td>
                  <td className="py-1 pr-3 text-right">{w.ctl.toFixed(1)}</td>
                  <td className="py-1 pr-3 text-right">{w.atl.toFixed(1)}</td>
                  <td className="py-1 text-right">{w.tsb.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
