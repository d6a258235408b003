import type { PushView } from "@/lib/domain/upload";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { Card } from "@/components/ui/card";
import { TrainingPeaksCard } from "./trainingpeaks-card";
import { WorkoutHeader } from "./workout-header";
import { WorkoutPerformance } from "./workout-performance";
import { WorkoutSummary } from "./workout-summary";

/** One workout's page: what it was, its numbers, TrainingPeaks and files, and how it went against the class targets. */
export function WorkoutDetail({ workout, push }: { workout: WorkoutDetailView; push: PushView }) {
  return (
    <div className="space-y-6">
      <WorkoutHeader workout={workout} />
      <Card title="Summary">
        <WorkoutSummary w={workout} />
      </Card>
      <TrainingPeaksCard
        workoutId={workout.id}
        hasSamples={workout.series !== null && workout.series.length > 0}
        inProgress={workout.status !== "COMPLETE"}
        push={push}
      />
      <WorkoutPerformance workout={workout} />
    </div>
  );
}
