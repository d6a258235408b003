"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/hooks/use-near-viewport";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { workoutChartsHeight } from "@/components/charts/chart-layout";

const placeholder = <div role="status" aria-busy="true" aria-label="Loading charts" className="h-full animate-pulse rounded-lg bg-surface-2" />;

// Recharts loads only on this page.
const WorkoutCharts = dynamic(() => import("@/components/charts/workout-charts").then((m) => m.WorkoutCharts), {
  ssr: false,
  loading: () => placeholder,
});

/**
 * The box has the charts' exact final height from the start, so nothing shifts when they load. The charts (the page's
 * heaviest render: thousands of points per panel) mount when the box nears the viewport, not while the page loads.
 */
export function LazyWorkoutCharts({ data }: { data: WorkoutChartData }) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={ref} style={{ minHeight: workoutChartsHeight(data) }} className="flex flex-col [&>*]:flex-1" data-testid="workout-charts">
      {near ? <WorkoutCharts data={data} /> : placeholder}
    </div>
  );
}
