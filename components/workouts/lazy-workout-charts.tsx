"use client";

import dynamic from "next/dynamic";
import type { WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { workoutChartsHeight } from "@/components/charts/chart-layout";

// Recharts loads only on this page.
const WorkoutCharts = dynamic(() => import("@/components/charts/workout-charts").then((m) => m.WorkoutCharts), {
  ssr: false,
  loading: () => <div aria-busy="true" aria-label="Loading charts" className="h-full animate-pulse rounded-lg bg-surface-2" />,
});

/** The box has the charts' exact final height from the start, so nothing shifts when they load. */
export function LazyWorkoutCharts({ data }: { data: WorkoutChartData }) {
  return (
    <div style={{ minHeight: workoutChartsHeight(data) }} className="flex flex-col [&>*]:flex-1">
      <WorkoutCharts data={data} />
    </div>
  );
}
