"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/hooks/use-near-viewport";
import { useWorkoutChart } from "@/hooks/use-workout-chart";
import { QueryPanel } from "@/components/ui/query-panel";

const placeholder = <div role="status" aria-busy="true" aria-label="Loading charts" className="h-full animate-pulse rounded-lg bg-surface-2" />;

// Recharts loads only on this page.
const WorkoutCharts = dynamic(() => import("@/components/charts/workout-charts").then((m) => m.WorkoutCharts), {
  ssr: false,
  loading: () => placeholder,
});

/**
 * The box has the charts' exact final height from the start (`height`, from workoutChartsHeight on the server), so
 * nothing shifts when they load. The charts (the page's heaviest render: thousands of points per panel) and their
 * data (/api/workouts/[id]/chart, tens of kilobytes the page no longer carries in its payload) load when the box
 * nears the viewport, not while the page loads.
 */
export function LazyWorkoutCharts({ workoutId, height }: { workoutId: string; height: number }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const chart = useWorkoutChart(workoutId, near);
  return (
    <div ref={ref} style={{ minHeight: height }} className="flex flex-col [&>*]:flex-1" data-testid="workout-charts">
      <QueryPanel query={chart} idle={placeholder} loading={<div className="animate-pulse rounded-lg bg-surface-2" style={{ height: Math.max(0, height - 8) }} />} loadingLabel="Loading charts" errorTitle="The charts could not load">
        {(data) => <WorkoutCharts data={data} />}
      </QueryPanel>
    </div>
  );
}
