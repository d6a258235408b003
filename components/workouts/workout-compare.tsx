"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson, queryKeys } from "@/hooks/fetch-json";
import type { ComparisonReport } from "@/lib/compare/build";
import { ComparisonResult } from "@/components/trainingpeaks/comparison-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

export function useWorkoutComparison(workoutId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.workoutCompare(workoutId),
    queryFn: () => fetchJson<ComparisonReport>(`/api/workouts/${encodeURIComponent(workoutId)}/compare`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/**
 * A synced workout next to the same session on TrainingPeaks (which may come from a head unit that also recorded it).
 * Asks TrainingPeaks only when the button is pressed: the page itself never waits for it.
 */
export function WorkoutCompare({ workoutId }: { workoutId: string }) {
  const [requested, setRequested] = useState(false);
  const query = useWorkoutComparison(workoutId, requested);
  const busy = requested && query.isFetching;

  return (
    <div className="space-y-4" data-testid="workout-compare">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={busy} onClick={() => (requested ? void query.refetch() : setRequested(true))}>
          {busy ? "Comparing…" : query.data ? "Compare again" : "Compare with TrainingPeaks"}
        </Button>
        {!requested && <span className="text-xs text-muted">Shows our duration, power, NP, IF, TSS, heart rate and cadence next to TrainingPeaks&apos; figures.</span>}
      </div>
      {requested && query.isPending && (
        <div className="space-y-2" aria-busy="true" aria-label="Comparing with TrainingPeaks">
          <Skeleton className="h-10" />
          <Skeleton className="h-40" />
        </div>
      )}
      {query.isError && (
        <Alert tone="danger" title="Couldn't compare this workout">
          {query.error.message}
        </Alert>
      )}
      {query.data && <ComparisonResult report={query.data} />}
    </div>
  );
}
