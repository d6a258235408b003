import Link from "@/components/ui/link";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { noSamplesMessage } from "@/lib/format/workout-labels";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { ChartTable } from "@/components/charts/chart-table";
import { ChartNotices, ComplianceSummary } from "@/components/charts/compliance-summary";
import { Card, NoteCard } from "@/components/ui/card";
import { workoutChartsHeight } from "@/components/charts/chart-layout";
import { LazyWorkoutCharts } from "./lazy-workout-charts";

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
          <LazyWorkoutCharts workoutId={w.id} height={workoutChartsHeight(chart)} />
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
