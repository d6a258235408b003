import Link from "@/components/ui/link";
import type { FtpEstimate, FtpTestRide } from "@/lib/domain/analytics";
import { FTP_SOURCE_LABEL, THRESHOLD_SOURCE_LABEL, type FtpSourceSetting, type ResolvedThreshold } from "@/lib/domain/thresholds";
import { formatDay, ftpHistoryRows } from "@/lib/metrics/analytics-chart";
import { Stat } from "@/components/ui/stat";
import { LazyFtpHistoryChart } from "./lazy-charts";

/** Your FTP now (and where it comes from), the FTP the power curve implies (model named), and FTP over time. */
export function FtpSummary({ current, ftpSource, estimate }: { current: ResolvedThreshold | null; ftpSource: FtpSourceSetting; estimate: FtpEstimate | null }) {
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4" data-testid="ftp-summary">
        <Stat
          label="FTP in force today"
          value={current ? Math.round(current.value) : "—"}
          unit={current ? "W" : undefined}
          hint={current ? `${THRESHOLD_SOURCE_LABEL[current.source]}${current.fallback ? ` (your source, ${FTP_SOURCE_LABEL[ftpSource]}, has none)` : ""}` : "no FTP known"}
        />
        <Stat label="Estimated from this curve" value={estimate ? estimate.watts : "—"} unit={estimate ? "W" : undefined} hint={estimate ? estimate.label : "needs a 20-minute effort"} />
      </dl>
      {estimate?.wPrimeJoules !== null && estimate?.wPrimeJoules !== undefined && (
        <p className="text-xs text-muted">
          The model also gives W′ = {(estimate.wPrimeJoules / 1000).toFixed(1)} kJ, the work you can do above critical power before you tire.
        </p>
      )}
      <p className="text-xs text-muted">
        Scores use your {FTP_SOURCE_LABEL[ftpSource]} FTP history. <Link href="/settings" className="underline">Change the FTP source</Link>
      </p>
    </div>
  );
}

export function FtpHistory({ entries, tests, today }: { entries: Parameters<typeof ftpHistoryRows>[0]; tests: FtpTestRide[]; today: string }) {
  const rows = ftpHistoryRows(entries, tests, today);
  if (!rows.length) return <p className="text-sm text-muted">No FTP history yet: it fills in from Peloton&apos;s FTP on each ride, TrainingPeaks and your own values.</p>;
  return (
    <div className="space-y-3">
      <div className="h-60" data-testid="ftp-history-chart">
        <LazyFtpHistoryChart rows={rows} />
      </div>
      {tests.length > 0 && (
        <details className="text-sm" open={tests.length <= 4}>
          <summary className="cursor-pointer text-muted">FTP tests ({tests.length})</summary>
          <ul className="mt-2 divide-y divide-border" data-testid="ftp-tests">
            {[...tests].reverse().map((t) => (
              <li key={t.workoutId} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link href={`/workouts/${t.workoutId}`} className="underline decoration-border underline-offset-2 hover:decoration-current">
                  {t.title}
                </Link>
                <span className="text-xs text-muted">
                  {formatDay(t.day)} · <span className="font-semibold tabular-nums text-text">{t.result} W</span>
                  {t.applied ? " · in your FTP history" : ""}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
