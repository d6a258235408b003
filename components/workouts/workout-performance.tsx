import Link from "@/components/ui/link";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { noSamplesMessage } from "@/lib/format/workout-labels";
import { chartInputInUnits } from "@/lib/metrics/chart-units";
import { estimatePaceLevel } from "@/lib/metrics/pace-level";
import { buildWorkoutChart } from "@/lib/metrics/workout-chart";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartNotices, ComplianceSummary } from "@/components/charts/compliance-summary";
import { Card, NoteCard } from "@/components/ui/card";
import { LazyWorkoutCharts } from "./lazy-workout-charts";

/**
 * Build the chart data once for the page: the performance panels and the analytics (zones) both read it. Speeds,
 * paces and elevations are in the user's units (chart-units.ts), axes, tooltips, bands and tables alike.
 */
export function workoutChartOf(w: WorkoutDetailView, units: UnitsSetting): { chart: WorkoutChartData; estimatedPaceLevel: number | null } {
  const input = chartInputInUnits({ discipline: w.discipline, series: w.series, targets: w.targets, segments: w.segments, ftp: w.ftp?.watts ?? null, heartRate: w.heartRate }, units);
  const estimatedPaceLevel = w.paceLevel === null ? estimatePaceLevel(input) : null;
  return { chart: buildWorkoutChart({ ...input, paceLevel: w.paceLevel ?? estimatedPaceLevel }), estimatedPaceLevel };
}

/** The workout's charts, against its class targets where the class has any: charts, compliance and the same data as tables. */
export function WorkoutPerformance({ workout: w, chart, estimatedPaceLevel }: { workout: WorkoutDetailView; chart: WorkoutChartData; estimatedPaceLevel: number | null }) {
  if (chart.panels.length === 0) {
    return (
      <NoteCard title="Performance" testId="no-samples">
        {noSamplesMessage(w.discipline, w.syncState)}
      </NoteCard>
    );
  }
  const hasTargets = chart.compliance.length > 0;
  return (
    <>
      <Card title={hasTargets ? "Performance vs class targets" : "Performance"}>
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
      {hasTargets && (
        <Card title="Target compliance">
          <ComplianceSummary data={chart} />
        </Card>
      )}
      <ChartTable data={chart} />
    </>
  );
}
