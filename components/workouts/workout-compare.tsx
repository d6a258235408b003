"use client";

import { useState } from "react";
import { useWorkoutComparison } from "@/hooks/use-workout-comparison";
import { ComparisonResult, ComparisonSkeleton } from "@/components/trainingpeaks/comparison-result";
import { Button } from "@/components/ui/button";
import { QueryPanel } from "@/components/ui/query-panel";

/**
 * A synced workout next to the same session on TrainingPeaks (which may come from a head unit that also recorded it).
 * Asks TrainingPeaks only when the button is pressed: the page itself never waits for it.
 */
export function WorkoutCompare({ workoutId, paused = false }: { workoutId: string; paused?: boolean }) {
  const [requested, setRequested] = useState(false);
  const query = useWorkoutComparison(workoutId, requested);
  const busy = requested && query.isFetching;

  return (
    <div className="space-y-4" data-testid="workout-compare">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={busy || paused} onClick={() => (requested ? void query.refetch() : setRequested(true))}>
          {busy ? "Comparing…" : query.data ? "Compare again" : "Compare with TrainingPeaks"}
        </Button>
        {!requested && (
          <span className="text-xs text-muted" data-testid="compare-hint">
            {paused
              ? "Comparing needs TrainingPeaks reconnected (above)."
              : "Shows our duration, power, NP, IF, TSS, heart rate and cadence next to TrainingPeaks' figures."}
          </span>
        )}
      </div>
      <QueryPanel query={query} loading={<ComparisonSkeleton />} loadingLabel="Comparing with TrainingPeaks" errorTitle="Couldn't compare this workout">
        {(report) => <ComparisonResult report={report} />}
      </QueryPanel>
    </div>
  );
}
