import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getDisplaySettings } from "@/server/queries/display-settings";
import { createQueryClient } from "@/hooks/query-client";
import { queryKeys } from "@/hooks/query-keys";
import { requireUser } from "@/server/auth/session";
import { getCurrentFtp, getRecentWorkouts, getWeeklyVolume } from "@/server/queries/dashboard";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { getSyncOverview } from "@/server/queries/sync";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { trainingPeaksAccess } from "@/lib/domain/trainingpeaks";
import { PelotonOverviewCard } from "@/components/dashboard/peloton-overview-card";
import { PowerZonesCard } from "@/components/dashboard/power-zones-card";
import { DASHBOARD_RECENT, DASHBOARD_WEEKS, TrainingVolume } from "@/components/dashboard/training-volume";
import { ThresholdsCard } from "@/components/trainingpeaks/thresholds-card";
import { getFitnessToday } from "@/server/queries/fitness";
import { FitnessTodayCard } from "@/components/analytics/fitness-today";

export const metadata: Metadata = { title: "Dashboard" };
// Server actions on this page run sync steps (SYNC_STEP_BUDGET_MS, default 8 s).
export const maxDuration = 30;

export default async function DashboardPage() {
  const user = await requireUser();
  const queryClient = createQueryClient();
  // The TrainingPeaks snapshot first: the current FTP may come from it.
  const summary = await getTrainingPeaksSummary(user.id);
  const [peloton, sync, ftp, fitness, display, connection] = await Promise.all([
    getPelotonConnection(user.id),
    getSyncOverview(user.id),
    getCurrentFtp(user.id),
    getFitnessToday(user.id),
    getDisplaySettings(user.id),
    getTrainingPeaksConnection(user.id),
    queryClient.prefetchQuery({ queryKey: queryKeys.weeklyVolume(DASHBOARD_WEEKS), queryFn: () => getWeeklyVolume(user.id, DASHBOARD_WEEKS) }),
    queryClient.prefetchQuery({ queryKey: queryKeys.recentWorkouts(DASHBOARD_RECENT), queryFn: () => getRecentWorkouts(user.id, DASHBOARD_RECENT) }),
  ]);

  return (
    <div className="space-y-6">
      <DashboardHeader summary={summary} fallbackName={user.name ?? "Athlete"} lastSyncedAt={peloton?.lastSyncedAt ?? null} timeZone={display.timeZone} bannerShown={!trainingPeaksAccess(connection).live} />
      <PelotonOverviewCard connection={peloton} sync={sync} display={display} />
      <FitnessTodayCard today={fitness} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TrainingVolume />
      </HydrationBoundary>
      <div className="defer-render grid grid-cols-1 gap-6 lg:grid-cols-2">
        <PowerZonesCard ftp={ftp} />
        <ThresholdsCard summary={summary} units={display.units} title="Thresholds (TrainingPeaks)" />
      </div>
    </div>
  );
}
