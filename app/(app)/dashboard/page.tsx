import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { queryKeys } from "@/hooks/fetch-json";
import { requireUser } from "@/server/auth/session";
import { powerZones } from "@/lib/metrics/zones";
import { getCurrentFtp, getRecentWorkouts, getWeeklyVolume } from "@/server/queries/dashboard";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { getSyncOverview } from "@/server/queries/sync";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";
import { getFitnessToday } from "@/server/queries/fitness";
import { FitnessTodayCard } from "@/components/analytics/fitness-today";
import { LifetimeStats } from "@/components/dashboard/lifetime-stats";
import { PowerZonesTable } from "@/components/dashboard/power-zones";
import { RecentWorkoutsPanel } from "@/components/dashboard/recent-workouts-panel";
import { WeeklyVolumePanel } from "@/components/dashboard/weekly-volume-panel";
import { SyncPanel } from "@/components/sync/sync-panel";
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
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
  // The TrainingPeaks snapshot first: the current FTP may come from it.
  const summary = await getTrainingPeaksSummary(user.id);
  const [peloton, sync, ftp, fitness] = await Promise.all([
    getPelotonConnection(user.id),
    getSyncOverview(user.id),
    getCurrentFtp(user.id),
    getFitnessToday(user.id),
    queryClient.prefetchQuery({ queryKey: queryKeys.weekly(12), queryFn: () => getWeeklyVolume(user.id, 12) }),
    queryClient.prefetchQuery({ queryKey: queryKeys.recent(6), queryFn: () => getRecentWorkouts(user.id, 6) }),
  ]);
  const name = "error" in summary ? (user.name ?? "Athlete") : summary.athlete.name;
  const connected = peloton?.status === "active";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <p className="text-sm text-muted">Dashboard</p>
          <h1 className="text-2xl font-bold" data-testid="athlete-name">
            {name}
          </h1>
        </div>
        {!("error" in summary) && (
          <p className="text-xs text-muted">
            TrainingPeaks {summary.athlete.isPremium ? "Premium" : "Basic"} athlete
            {peloton?.lastSyncedAt && ` · Peloton synced ${new Date(peloton.lastSyncedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}`}
          </p>
        )}
      </div>

      {"error" in summary && <SummaryError error={summary.error} />}
      {!("error" in summary) && summary.staleBecause && <Alert tone="warn" title="Showing your last known thresholds">{summary.staleBecause.message}</Alert>}

      <Card
        title="Peloton"
        action={connected ? <span className="text-xs text-muted">{peloton.profile?.leaderboardName}</span> : undefined}
      >
        {connected && peloton.profile ? (
          <div className="space-y-5">
            <LifetimeStats profile={peloton.profile} />
            <div className="border-t border-border pt-4">
              <SyncPanel initial={sync.progress} hasHistory={sync.hasHistory} />
            </div>
          </div>
        ) : (
          <div className="space-y-3 text-sm">
            <p className="text-muted">
              {peloton?.status === "reauth_required"
                ? "Peloton needs you to reconnect your account; your synced history is kept."
                : "Connect your Peloton account to see your lifetime stats, weekly volume and every class against its targets."}
            </p>
            <Link href="/connections" className={buttonClass("primary")}>
              {peloton ? "Reconnect Peloton" : "Connect Peloton"}
            </Link>
          </div>
        )}
      </Card>

      <Card title="Fitness today" action={<Link href="/fitness" className="text-xs text-muted hover:underline">Fitness chart →</Link>}>
        <FitnessTodayCard today={fitness} />
      </Card>

      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6 lg:grid-cols-5">
          <Card title="Weekly volume" className="lg:col-span-3">
            <WeeklyVolumePanel weeks={12} />
          </Card>
          <Card title="Recent workouts" className="lg:col-span-2" action={<Link href="/workouts" className="text-xs text-muted hover:underline">All workouts →</Link>}>
            <RecentWorkoutsPanel limit={6} />
          </Card>
        </div>
      </HydrationBoundary>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Power zones" action={ftp ? <span className="text-xs text-muted" data-testid="ftp-source">FTP {ftp.watts} W · {ftp.source}</span> : undefined}>
          {ftp ? (
            <div className="space-y-3">
              <PowerZonesTable zones={powerZones(ftp.watts)} ftp={ftp.watts} />
              {ftp.other && ftp.other.watts !== ftp.watts && (
                <p className="text-xs text-muted">
                  {ftp.other.source}: {ftp.other.watts} W.
                </p>
              )}
            </div>
          ) : (
            <p className="text-sm text-muted">No FTP yet. Take a Peloton FTP test or set your threshold power in TrainingPeaks, and your zones appear here.</p>
          )}
        </Card>
        {!("error" in summary) && (
          <Card title="Thresholds (TrainingPeaks)">
            <ThresholdStats thresholds={summary.thresholds} units={summary.athlete.preferredUnits} />
          </Card>
        )}
      </div>
    </div>
  );
}
