import type { WorkoutInsights } from "@/lib/domain/analytics";
import type { PushView } from "@/lib/domain/upload";
import type { TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { describeDurations } from "@/lib/format/display";
import type { WorkoutPageSummary } from "@/lib/metrics/workout-summary";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import type { TileSource } from "@/lib/metrics/map-tiles";
import { buildRouteTrace } from "@/lib/metrics/route";
import { WorkoutAnalytics } from "@/components/analytics/workout-analytics";
import { RouteTraceChart } from "@/components/charts/route-trace";
import { Card } from "@/components/ui/card";
import { TrainingPeaksCard } from "./trainingpeaks-card";
import { WorkoutHeader } from "./workout-header";
import { workoutChartOf } from "@/lib/metrics/workout-chart-of";
import { WorkoutPerformance } from "./workout-performance";
import { WorkoutSummary } from "./workout-summary";

/** One workout's page: what it was, its numbers, TrainingPeaks and files, and how it went against the class targets. */
export function WorkoutDetail(props: {
  workout: WorkoutDetailView;
  push: PushView;
  insights: WorkoutInsights;
  summary: WorkoutPageSummary | null;
  timeZone: string;
  trainingPeaks: TrainingPeaksConnectionState;
  /** the route's map tiles (MAP_TILE_URL); null: the plain trace */
  mapTiles: TileSource | null;
}) {
  const { workout, push, insights, summary, timeZone, trainingPeaks, mapTiles } = props;
  const durations = describeDurations({ classSeconds: workout.ride?.durationSeconds ?? null, recordedSeconds: summary?.figures.durationSeconds ?? null, elapsedSeconds: workout.durationSeconds });
  const { chart, estimatedPaceLevel } = workoutChartOf(workout, insights.units);
  const route = workout.isOutdoor ? buildRouteTrace(workout.series) : null;
  return (
    <div className="space-y-6">
      <WorkoutHeader workout={workout} timeZone={timeZone} durations={durations} />
      <Card title="Summary">
        <WorkoutSummary summary={summary} />
      </Card>
      {route && (
        <Card title="Route">
          <RouteTraceChart trace={route} units={insights.units} tiles={mapTiles} />
        </Card>
      )}
      <div className="defer-render space-y-6">
        <WorkoutAnalytics discipline={workout.discipline} {...insights} power={chart.power} heartRate={chart.heartRate} />
      </div>
      <TrainingPeaksCard
        workoutId={workout.id}
        hasSamples={workout.series !== null && workout.series.length > 0}
        inProgress={workout.status !== "COMPLETE"}
        discipline={workout.discipline}
        syncState={workout.syncState}
        push={push}
        trainingPeaks={trainingPeaks}
      />
      <div className="defer-render">
        <WorkoutPerformance workout={workout} chart={chart} estimatedPaceLevel={estimatedPaceLevel} />
      </div>
    </div>
  );
}
