import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { disciplineLabel, formatDuration, formatWorkoutDate, ftpSourceLabel } from "@/lib/format/display";
import { estimatePaceLevel } from "@/lib/metrics/pace-level";
import { buildWorkoutChart } from "@/lib/metrics/workout-chart";
import { getWorkoutDetail } from "@/server/queries/workout-detail";
import { getPushView } from "@/server/push/push-workout";
import { getWorkoutInsights } from "@/server/queries/workout-insights";
import { WorkoutAnalytics } from "@/components/analytics/workout-analytics";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartNotices, ComplianceSummary } from "@/components/charts/compliance-summary";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LazyWorkoutCharts } from "./_charts";
import { WorkoutSummary } from "./_summary";
import { TrainingPeaksCard } from "./_trainingpeaks";

export const metadata: Metadata = { title: "Workout" };


export default async function WorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const w = await getWorkoutDetail(user.id, id);
  // Someone else's workout is indistinguishable from a missing one.
  if (!w) notFound();
  const [push, insights] = await Promise.all([getPushView(user.id, w.id), getWorkoutInsights(user.id, w)]);
  const input = { discipline: w.discipline, series: w.series, targets: w.targets, segments: w.segments, ftp: w.ftp?.watts ?? null, heartRate: w.heartRate };
  const estimatedPaceLevel = w.paceLevel === null ? estimatePaceLevel(input) : null;
  const paceLevel = w.paceLevel ?? estimatedPaceLevel;
  const chart = buildWorkoutChart({ ...input, paceLevel });
  const meta = [
    w.instructor?.name,
    disciplineLabel(w.discipline),
    w.ride ? `${Math.round(w.ride.durationSeconds / 60)} min class` : null,
    w.ride?.difficulty ? `difficulty ${w.ride.difficulty.toFixed(1)}` : null,
    w.ride?.originalAirTime ? `aired ${new Date(w.ride.originalAirTime).toLocaleDateString("en-GB", { dateStyle: "medium" })}` : null,
  ].filter(Boolean);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/workouts" className="text-muted hover:underline">
          ← Workouts
        </Link>
      </nav>
      <header className="space-y-1">
        <p className="text-sm text-muted">{formatWorkoutDate(w.startTime, w.timezone, "long")}</p>
        <h1 className="text-2xl font-bold" data-testid="workout-title">
          {w.title}
        </h1>
        <p className="text-sm text-muted" data-testid="workout-meta">
          {meta.join(" · ")}
        </p>
        <div className="flex flex-wrap gap-2 pt-1 text-xs">
          {w.ride?.classTypes.map((t) => (
            <span key={t} className="rounded-full bg-surface-2 px-2 py-0.5">
              {t}
            </span>
          ))}
          <span className="rounded-full bg-surface-2 px-2 py-0.5">{formatDuration(w.durationSeconds)}</span>
          {w.ftp && (
            <span className="rounded-full bg-surface-2 px-2 py-0.5" title="FTP used for zones, IF and TSS">
              FTP {w.ftp.watts} W ({ftpSourceLabel(w.ftp.source)})
            </span>
          )}
          {w.leaderboard && (
            <span className="rounded-full bg-surface-2 px-2 py-0.5">
              #{w.leaderboard.rank.toLocaleString("en-US")}
              {w.leaderboard.total ? ` of ${w.leaderboard.total.toLocaleString("en-US")}` : ""}
            </span>
          )}
        </div>
      </header>
      {w.status === "IN_PROGRESS" && <Alert tone="info" title="Still in progress">This workout hadn&apos;t finished when it was synced; the next sync updates it.</Alert>}
      {w.syncState === "failed" && <Alert tone="warn" title="Not fully downloaded">{w.syncError ?? "Peloton did not return this workout’s data."} It is retried on the next sync.</Alert>}
      <Card title="Summary">
        <WorkoutSummary w={w} />
      </Card>
      <WorkoutAnalytics discipline={w.discipline} {...insights} power={chart.power} heartRate={chart.heartRate} />
      <TrainingPeaksCard workoutId={w.id} hasSamples={w.series !== null && w.series.length > 0} inProgress={w.status !== "COMPLETE"} push={push} />
      {chart.panels.length > 0 ? (
        <>
          <Card title="Performance vs class targets">
            <div className="space-y-3">
              <ChartNotices notices={chart.notices} />
              {estimatedPaceLevel !== null && (
                <p className="text-xs text-muted" data-testid="pace-level-note">
                  Pace targets drawn for pace level {estimatedPaceLevel}, estimated from this workout (Peloton doesn&apos;t share your level).{" "}
                  <Link href="/connections#pace-level" className="underline">
                    Set your pace level
                  </Link>{" "}
                  for exact targets.
                </p>
              )}
              <LazyWorkoutCharts data={chart} />
            </div>
          </Card>
          <Card title="Target compliance">
            <ComplianceSummary data={chart} />
          </Card>
          <ChartTable data={chart} />
        </>
      ) : (
        <Card title="Performance">
          <p className="text-sm text-muted">
            {w.syncState === "pending" ? "This workout's 1-second data is still syncing." : "Peloton recorded no metrics for this workout (e.g. meditation or stretching)."}
          </p>
        </Card>
      )}
    </div>
  );
}
