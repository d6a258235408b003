import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { powerZones } from "@/lib/metrics/zones";
import { getPelotonConnection } from "@/lib/queries/peloton";
import { getSyncOverview } from "@/lib/queries/sync";
import { SyncPanel } from "@/components/sync/sync-panel";
import { getTrainingPeaksSummary } from "@/lib/queries/trainingpeaks";
import { Stat } from "@/components/ui/stat";
import { PowerZonesTable } from "@/components/dashboard/power-zones";
import { SummaryError } from "@/components/trainingpeaks/summary-error";
import { ThresholdStats } from "@/components/trainingpeaks/thresholds";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dashboard" };
// Server actions on this page run sync steps (SYNC_STEP_BUDGET_MS, default 8 s).
export const maxDuration = 30;

export default async function DashboardPage() {
  const user = await requireUser();
  const [summary, peloton, sync] = await Promise.all([getTrainingPeaksSummary(user.id), getPelotonConnection(user.id), getSyncOverview(user.id)]);
  if ("error" in summary) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
        <SummaryError error={summary.error} />
      </div>
    );
  }
  const ftp = summary.thresholds.ftpWatts;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-sm text-muted">Dashboard</p>
          <h1 className="text-2xl font-bold" data-testid="athlete-name">
            {summary.athlete.name}
          </h1>
        </div>
        <p className="text-xs text-muted">
          TrainingPeaks {summary.athlete.isPremium ? "Premium" : "Basic"} athlete · updated <time dateTime={summary.fetchedAt}>{new Date(summary.fetchedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: summary.athlete.timeZone ?? "UTC" })}</time>
        </p>
      </div>
      {summary.staleBecause && (
        <Alert tone="warn" title="Showing your last known thresholds">
          {summary.staleBecause.message}
        </Alert>
      )}
      <Card title="Thresholds">
        <ThresholdStats thresholds={summary.thresholds} units={summary.athlete.preferredUnits} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Power zones" action={ftp ? <span className="text-xs text-muted">Coggan, FTP {ftp} W</span> : undefined}>
          {ftp ? (
            <PowerZonesTable zones={powerZones(ftp)} ftp={ftp} />
          ) : (
            <p className="text-sm text-muted">No FTP is set in TrainingPeaks yet. Set your cycling threshold power there and it will appear here.</p>
          )}
        </Card>
        <Card title="Peloton" action={peloton?.status === "active" ? <span className="text-xs text-muted">{peloton.profile?.leaderboardName}</span> : undefined}>
          {peloton?.status === "active" && peloton.profile ? (
            <div className="space-y-4">
            <dl className="grid grid-cols-2 gap-4" data-testid="dashboard-peloton">
              <Stat label="Workouts" value={peloton.profile.totalWorkouts ?? "—"} />
              <Stat label="Weekly streak" value={peloton.profile.currentWeeklyStreak ?? "—"} unit="wk" hint={`best ${peloton.profile.bestWeeklyStreak ?? "—"}`} />
              <Stat label="Achievements" value={peloton.profile.achievementsCount ?? "—"} />
              <Stat label="Peloton FTP" value={peloton.profile.ftpWatts ?? "—"} unit={peloton.profile.ftpWatts ? "W" : undefined} />
            </dl>
            <SyncPanel initial={sync.progress} hasHistory={sync.hasHistory} />
            </div>
          ) : (
            <div className="space-y-3 text-sm">
              <p className="text-muted">
                {peloton?.status === "reauth_required"
                  ? "Peloton needs you to reconnect your account."
                  : "Connect your Peloton account to see your lifetime stats here; your rides and class targets follow once they are synced."}
              </p>
              <Link href="/connections" className={buttonClass("secondary")}>
                {peloton ? "Reconnect Peloton" : "Connect Peloton"}
              </Link>
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
