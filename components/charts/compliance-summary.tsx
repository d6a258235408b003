import { formatClock, formatPercent } from "@/lib/metrics/chart-format";
import type { ComplianceTally, WorkoutChartData } from "@/lib/metrics/workout-chart-types";

/**
 * Time in target range, as real tables: one row per metric, then one row per class segment. Each figure has a small
 * under / in / over bar (decorative; the numbers carry the meaning). No hooks: renders on the server or the client.
 */
export function ComplianceSummary({ data }: { data: Pick<WorkoutChartData, "compliance" | "segments" | "notices"> }) {
  const metrics = data.compliance;
  const segments = data.segments.filter((s) => s.compliance.length > 0);
  return (
    <div className="space-y-4">
      <ChartNotices notices={data.notices} />
      {metrics.length === 0 ? (
        <p className="text-sm text-muted">This workout has no class targets to compare against.</p>
      ) : (
        <>
          <table className="w-full text-sm" data-testid="compliance-metrics">
            <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-muted">Time in target range</caption>
            <thead>
              <tr className="text-left text-xs text-muted">
                <th scope="col" className="py-1 pr-2 font-medium">Metric</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">In range</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">%</th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">Below, in and above the range</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={`${m.metric}-${m.channel}`} className="border-t border-border">
                  <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                    {m.label}
                    {m.missingSeconds > 0 && <span className="block text-xs font-normal text-muted">no reading {formatClock(m.missingSeconds)}</span>}
                  </th>
                  <td className="whitespace-nowrap py-1.5 pr-2 text-right tabular-nums">
                    {formatClock(m.inSeconds)} <span className="text-muted">of {formatClock(m.dataSeconds)}</span>
                  </td>
                  <td className="py-1.5 pr-2 text-right font-semibold tabular-nums">{formatPercent(m.inPct)}</td>
                  <td className="py-1.5">
                    <TallyBar tally={m} className="w-14 sm:w-28" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {segments.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="compliance-segments">
                <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-muted">In range by segment</caption>
                <thead>
                  <tr className="text-left text-xs text-muted">
                    <th scope="col" className="py-1 pr-2 font-medium">Segment</th>
                    {metrics.map((m) => (
                      <th key={m.metric} scope="col" className="py-1 pr-2 text-right font-medium">
                        {m.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {segments.map((s, i) => (
                    <tr key={`${s.start}-${i}`} className="border-t border-border">
                      <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                        {s.name} <span className="block text-xs font-normal tabular-nums text-muted">{formatClock(s.start)}–{formatClock(s.end)}</span>
                      </th>
                      {metrics.map((m) => {
                        const tally = s.compliance.find((c) => c.metric === m.metric);
                        return (
                          <td key={m.metric} className="py-1.5 pr-2 text-right tabular-nums">
                            {tally ? (
                              <>
                                <span className="font-semibold">{formatPercent(tally.inPct)}</span>
                                <TallyBar tally={tally} className="ml-auto mt-1 w-16" />
                              </>
                            ) : (
                              <span className="text-muted">–</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Below (blue) / in (green) / above (orange) as shares of the seconds with a reading. */
function TallyBar({ tally, className = "w-28" }: { tally: ComplianceTally; className?: string }) {
  const total = tally.dataSeconds;
  if (!(total > 0)) return null;
  const pct = (s: number) => `${(s / total) * 100}%`;
  return (
    <span aria-hidden className={`flex h-2 overflow-hidden rounded-sm bg-surface-2 ${className}`}>
      <span style={{ width: pct(tally.underSeconds), background: "var(--z2)" }} />
      <span style={{ width: pct(tally.inSeconds), background: "var(--ok)" }} />
      <span style={{ width: pct(tally.overSeconds), background: "var(--z5)" }} />
    </span>
  );
}

/** Why some targets are not shown (no FTP, no pace level, …). */
export function ChartNotices({ notices }: { notices: WorkoutChartData["notices"] }) {
  if (!notices.length) return null;
  return (
    <ul className="space-y-1 text-xs text-muted" data-testid="chart-notices">
      {notices.map((n) => (
        <li key={n.code}>{n.message}</li>
      ))}
    </ul>
  );
}
