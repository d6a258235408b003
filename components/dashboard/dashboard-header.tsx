import type { TrainingPeaksSummaryResult } from "@/lib/domain/trainingpeaks";
import { formatWorkoutDate } from "@/lib/format/date";
import { SummaryError } from "@/components/trainingpeaks/summary-error";
import { Alert } from "@/components/ui/alert";

/** The athlete's name and accounts, and why TrainingPeaks' figures are missing or old when they are. */
export function DashboardHeader(props: {
  summary: TrainingPeaksSummaryResult;
  fallbackName: string;
  lastSyncedAt: string | null;
  /** the user's zone (server/queries/user-time-zone.ts): the same clock as every workout time */
  timeZone: string;
  /** the app shell shows the TrainingPeaks access banner (components/layout/trainingpeaks-access-notice.tsx) */
  bannerShown: boolean;
}) {
  const { summary, fallbackName, lastSyncedAt, timeZone, bannerShown } = props;
  const ok = "error" in summary ? null : summary;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-sm text-muted">Dashboard</p>
          <h1 className="text-2xl font-bold" data-testid="athlete-name">
            {ok?.athlete.name ?? fallbackName}
          </h1>
        </div>
        {ok && (
          <p className="text-xs text-muted">
            TrainingPeaks {ok.athlete.isPremium ? "Premium" : "Basic"} athlete
            {lastSyncedAt && ` · Peloton synced ${formatWorkoutDate(lastSyncedAt, timeZone)}`}
          </p>
        )}
      </div>
      {"error" in summary && <SummaryError error={summary.error} bannerShown={bannerShown} />}
      {ok?.staleBecause && (
        <Alert tone="warn" title="Showing your last known thresholds">
          {ok.staleBecause.message}
        </Alert>
      )}
    </>
  );
}
