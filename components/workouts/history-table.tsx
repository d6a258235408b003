import Link from "@/components/ui/link";
import { otherAccountLabel } from "@/lib/domain/peloton-connection";
import { SCORE_METHOD_LABEL, SCORE_METHOD_TAG } from "@/lib/domain/analytics";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatWorkoutDate } from "@/lib/format/date";
import { disciplineLabel, formatDuration, formatNumber } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";
import type { HistoryRow } from "@/lib/domain/workout-history";
import { TableHead } from "@/components/ui/table-head";

// Below `sm` each row is a card; the history-* classes (app/globals.css) lay it out. A card names its figures from
// the stylesheet (`.history-row > td:nth-child(n)::before`), so the labels are not repeated in every row's HTML and
// payload: keep FIGURE_COLUMNS in the order of the cells, and app/globals.css in step with it.
const FIGURE_COLUMNS = ["Duration", "Distance", "Output", "TSS", "Avg HR"] as const;

/** One page of workouts; distances in the user's units (Settings). */
export function HistoryTable({ rows, units }: { rows: HistoryRow[]; units: UnitsSetting }) {
  return (
    <div className="sm:overflow-x-auto">
      <table className="w-full text-sm max-sm:block sm:min-w-[48rem]" data-testid="history-table">
        <caption className="sr-only">Your workouts</caption>
        <TableHead
          rowClassName="text-left text-xs uppercase tracking-wide text-muted max-sm:sr-only"
          columns={["Date", "Workout", "Discipline", ...FIGURE_COLUMNS.map((label) => ({ label, numeric: true }))]}
        />
        <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-2">
          {/* keyed by position: a page's rows are replaced, never reordered, and the 25 ids stay out of the payload */}
          {rows.map((w, i) => (
            <tr key={i} className="history-row">
              <td className="history-date">{formatWorkoutDate(w.startTime, w.timezone)}</td>
              <td className="history-wide">
                <Link href={`/workouts/${w.id}`} className="history-link">
                  {w.title}
                </Link>
                <span className="history-sub">
                  {[w.instructor, w.classTypes.join(", ") || null].filter(Boolean).join(" · ")}
                  {w.inProgress && <span className="history-tag bg-accent/15 font-semibold text-text">in progress</span>}
                  {w.syncState === "pending" && <span className="history-tag bg-surface-2">syncing…</span>}
                  {w.syncState === "failed" && !w.otherAccount && <span className="history-tag bg-warn/15 text-warn">retrying next sync</span>}
                  {w.otherAccount && (
                    <span className="history-tag bg-surface-2" data-testid="history-account">
                      {otherAccountLabel(w.otherAccount)}
                    </span>
                  )}
                </span>
              </td>
              <td className="history-kind">{disciplineLabel(w.discipline)}</td>
              <td className="history-figure">
                {formatDuration(w.durationSeconds)}
              </td>
              <td className="history-figure" data-testid="history-distance">
                {formatDistance(w.distanceMeters, units)}
              </td>
              <td className="history-figure">
                {w.outputKj === null ? "—" : `${formatNumber(w.outputKj)} kJ`}
              </td>
              <td className="history-figure" data-testid="history-tss" title={w.scoreMethod ? SCORE_METHOD_LABEL[w.scoreMethod] : undefined}>
                {formatNumber(w.tss)}
                {w.scoreMethod && SCORE_METHOD_TAG[w.scoreMethod] && <span className="ml-1 text-xs text-muted">{SCORE_METHOD_TAG[w.scoreMethod]}</span>}
              </td>
              <td className="history-figure">
                {w.avgHeartRate === null ? "—" : `${formatNumber(w.avgHeartRate)} bpm`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
