import Link from "next/link";
import { otherAccountLabel } from "@/lib/domain/peloton-connection";
import { SCORE_METHOD_LABEL, SCORE_METHOD_TAG } from "@/lib/domain/analytics";
import { disciplineLabel, formatDuration, formatNumber, formatWorkoutDate } from "@/lib/format/display";
import type { HistoryRow } from "@/lib/domain/workout-history";
import { TableHead } from "@/components/ui/table-head";

export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-sm" data-testid="history-table">
        <caption className="sr-only">Your workouts</caption>
        <TableHead columns={["Date", "Workout", "Discipline", { label: "Duration", numeric: true }, { label: "Output", numeric: true }, { label: "TSS", numeric: true }, { label: "Avg HR", numeric: true }]} />
        <tbody>
          {rows.map((w) => (
            <tr key={w.id} className="border-t border-border hover:bg-surface-2">
              <td className="whitespace-nowrap py-2 pr-3 tabular-nums text-muted">{formatWorkoutDate(w.startTime, w.timezone)}</td>
              <td className="py-2 pr-3">
                <Link href={`/workouts/${w.id}`} className="font-medium hover:underline focus-visible:underline">
                  {w.title}
                </Link>
                <span className="block text-xs text-muted">
                  {[w.instructor, w.classTypes.join(", ") || null].filter(Boolean).join(" · ")}
                  {w.syncState === "pending" && <span className="ml-1 rounded bg-surface-2 px-1">syncing…</span>}
                  {w.syncState === "failed" && !w.otherAccount && <span className="ml-1 rounded bg-warn/15 px-1 text-warn">retrying next sync</span>}
                  {w.otherAccount && (
                    <span className="ml-1 rounded bg-surface-2 px-1" data-testid="history-account">
                      {otherAccountLabel(w.otherAccount)}
                    </span>
                  )}
                </span>
              </td>
              <td className="py-2 pr-3">{disciplineLabel(w.discipline)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(w.durationSeconds)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{w.outputKj === null ? "—" : `${formatNumber(w.outputKj)} kJ`}</td>
              <td className="py-2 pr-3 text-right tabular-nums" title={w.scoreMethod ? SCORE_METHOD_LABEL[w.scoreMethod] : undefined}>
                {formatNumber(w.tss)}
                {w.scoreMethod && SCORE_METHOD_TAG[w.scoreMethod] && <span className="ml-1 text-xs text-muted">{SCORE_METHOD_TAG[w.scoreMethod]}</span>}
              </td>
              <td className="py-2 text-right tabular-nums">{w.avgHeartRate === null ? "—" : `${formatNumber(w.avgHeartRate)} bpm`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
