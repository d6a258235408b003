import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { loadFixture } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import { buildWorkoutChart } from "@/lib/metrics/workout-chart";
import { workoutChartsHeight } from "@/components/charts/chart-layout";
import { LazyWorkoutCharts } from "./lazy-workout-charts";

describe("LazyWorkoutCharts (server render)", () => {
  const t = transformWorkout(loadFixture("cycling-power-zone"));
  const data = buildWorkoutChart({ discipline: t.workout.discipline, series: t.series, targets: t.targets ?? null, segments: t.segments, ftp: t.workout.ftp, heartRate: { maxHr: 190, lthr: null } });

  it("sends a loading status in a box of the charts' final height, and no chart and no chart data, until the box nears the viewport", () => {
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <LazyWorkoutCharts workoutId="w1" height={workoutChartsHeight(data)} />
      </QueryClientProvider>,
    );
    expect(html).toContain(`min-height:${workoutChartsHeight(data)}px`);
    expect(html).toMatch(/<div role="status" aria-busy="true" aria-label="Loading charts"/);
    expect(html).not.toContain("recharts");
  });
});
