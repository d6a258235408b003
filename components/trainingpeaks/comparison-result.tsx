import type { ComparisonNote, ComparisonReport } from "@/lib/compare/build";
import { describeStartDelta, FLAG_LABELS, formatDelta, formatMetricValue, sportLabel } from "@/lib/compare/describe";
import type { MetricRow, RowFlag } from "@/lib/compare/metrics";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatWorkoutDate } from "@/lib/format/date";
import { formatDuration } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";
import { Arrow } from "@/components/ui/arrow";

/** One comparison (ours | TrainingPeaks | Δ), shared by the FIT upload card and the workout page. Render only. */

const FLAG_STYLES: Record<RowFlag, { row: string; badge: string; icon: string }> = {
  ok: { row: "", badge: "text-ok", icon: "✓" },
  differs: { row: "bg-warn/10", badge: "bg-warn/20 text-text font-semibold", icon: "⚠" },
  missing_tp: { row: "", badge: "text-muted", icon: "–" },
  missing_ours: { row: "", badge: "text-muted", icon: "–" },
};

function FlagBadge({ row, units }: { row: MetricRow; units: UnitsSetting }) {
  const style = FLAG_STYLES[row.flag];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${style.badge}`}>
      <span aria-hidden>{style.icon}</span>
      {FLAG_LABELS[row.flag]}
      {row.flag === "differs" && row.tolerance !== null && <span className="sr-only"> (beyond ±{formatMetricValue(row.key, row.tolerance, units)})</span>}
    </span>
  );
}

/**
 * `compared`: false when there is no TrainingPeaks workout, so every row would only say it is missing there.
 * On narrow screens the check moves under the metric's name so the four numbers fit without scrolling.
 */
export function ComparisonTable({ rows, units, compared = true }: { rows: MetricRow[]; units: UnitsSetting; compared?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] text-sm" data-testid="comparison-table">
        <caption className="sr-only">Our figures next to TrainingPeaks&apos; figures, with the difference (ours minus TrainingPeaks)</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">Metric</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Ours</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              <span className="sm:hidden">TP</span>
              <span className="hidden sm:inline">TrainingPeaks</span>
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Δ</th>
            {compared && <th scope="col" className="hidden py-2 font-medium sm:table-cell">Check</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-t border-border ${FLAG_STYLES[row.flag].row}`} data-flag={row.flag} data-metric={row.key}>
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                {row.label}
                {compared && row.flag !== "ok" && (
                  <span className="mt-1 block sm:hidden">
                    <FlagBadge row={row} units={units} />
                  </span>
                )}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{formatMetricValue(row.key, row.ours, units)}</td>
              <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{formatMetricValue(row.key, row.trainingpeaks, units)}</td>
              <td className="py-2 pr-3 text-right tabular-nums sm:whitespace-nowrap">{formatDelta(row, units)}</td>
              {compared && (
                <td className="hidden py-2 sm:table-cell">
                  <FlagBadge row={row} units={units} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Notes({ notes }: { notes: ComparisonNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="space-y-2 text-sm" aria-label="Notes about this comparison" data-testid="comparison-notes">
      {notes.map((note) => (
        <li key={`${note.kind}:${note.message}`} data-kind={note.kind} className={`rounded-lg border p-3 ${note.tone === "warn" ? "border-warn/40 bg-warn/10" : "border-border bg-surface-2"}`}>
          {note.tone === "warn" && <span className="font-semibold">Note: </span>}
          {note.message}
        </li>
      ))}
    </ul>
  );
}

function MatchSummary({ report }: { report: ComparisonReport }) {
  // one zone for every time in the report: the user's, as on the workout page and in export file names
  const zone = report.timeZone;
  const ours = `${report.activity.title ?? sportLabel(report.activity.sport)} · ${formatWorkoutDate(report.activity.startTime, zone)}${report.activity.device ? ` · ${report.activity.device}` : ""}`;
  const m = report.match;
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2" data-testid="comparison-summary">
      <div className="min-w-0">
        <dt className="text-xs font-medium uppercase tracking-wide text-muted">Ours</dt>
        <dd className="mt-1 break-words">
          {ours}
          {report.activity.legs.length > 1 && (
            <ol className="mt-1 space-y-0.5 text-muted" aria-label="Legs" data-testid="comparison-legs">
              {report.activity.legs.map((leg, i) => (
                <li key={`${leg.sport}:${i}`}>
                  {i + 1}. {sportLabel(leg.sport)} · {formatDuration(leg.durationSeconds)}
                  {leg.distanceMeters !== null && ` · ${formatDistance(leg.distanceMeters, report.units)}`}
                </li>
              ))}
            </ol>
          )}
        </dd>
      </div>
      <div className="min-w-0">
        <dt className="text-xs font-medium uppercase tracking-wide text-muted">TrainingPeaks</dt>
        <dd className="mt-1 break-words" data-testid="comparison-match">
          {m ? (
            <>
              {m.url ? (
                <a href={m.url} target="_blank" rel="noreferrer" className="font-semibold underline">
                  {m.title}
                  <span className="sr-only"> (opens TrainingPeaks in a new tab)</span>
                  {" "}
                  <Arrow dir="up-right" />
                </a>
              ) : (
                <span className="font-semibold">{m.title}</span>
              )}{" "}
              ({m.type}) · {formatWorkoutDate(m.startTime, zone)}
              <span className="block text-muted">{describeStartDelta(m.startTimeDeltaSeconds)}</span>
            </>
          ) : (
            <span className="text-muted">{report.trainingPeaks.status === "no_match" ? "No matching workout" : "Not compared"}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

export function ComparisonResult({ report }: { report: ComparisonReport }) {
  const compared = report.match !== null;
  return (
    <div className="space-y-4" data-testid="comparison-result" data-status={report.trainingPeaks.status}>
      <MatchSummary report={report} />
      {compared && (
        <p className="text-sm font-medium" role="status">
          {report.differing === 0 ? "Every figure agrees within tolerance." : `${report.differing} figure${report.differing === 1 ? "" : "s"} differ${report.differing === 1 ? "s" : ""} beyond tolerance.`}
        </p>
      )}
      <ComparisonTable rows={report.rows} units={report.units} compared={compared} />
      <Notes notes={report.notes} />
    </div>
  );
}

/** The shape of ComparisonResult while it loads: the two-sided summary, the verdict and the ten metric rows. */
export function ComparisonSkeleton() {
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
      <Skeleton className="h-5 w-64" />
      <SkeletonRows rows={10} className="h-8" />
    </div>
  );
}
