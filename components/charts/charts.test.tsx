import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadFixture } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import { buildWorkoutChart } from "@/lib/metrics/workout-chart";
import { workoutChartsHeight } from "./chart-layout";
import { ChartTable, ChartTableBody } from "./chart-table";
import { ComplianceSummary } from "./compliance-summary";
import { WorkoutCharts } from "./workout-charts";

function chartData(name: "cycling-power-zone" | "tread-run" | "meditation", paceLevel: number | null = null) {
  const t = transformWorkout(loadFixture(name));
  return buildWorkoutChart({
    discipline: t.workout.discipline,
    series: t.series,
    targets: t.targets ?? null,
    segments: t.segments,
    ftp: t.workout.ftp,
    paceLevel,
    heartRate: { maxHr: 190, lthr: null },
  });
}

describe("chart components (server render)", () => {
  const ride = chartData("cycling-power-zone");

  it("ComplianceSummary renders real tables with the computed numbers", () => {
    const html = renderToStaticMarkup(<ComplianceSummary data={ride} />);
    const power = ride.compliance[0]!;
    expect(html).toContain("<table");
    expect(html).toContain("<caption");
    expect(html).toContain(`${Math.round(power.inPct!)}%`);
    expect(html).toContain('scope="row"');
    expect(html).toContain("In range by segment");
  });

  it("ChartTable is a collapsed details with segments, target steps and zones", () => {
    const html = renderToStaticMarkup(<ChartTable data={ride} />);
    expect(html).toMatch(/^<details/);
    expect(html).toContain("Show data as table");
    // collapsed, its tables stay out of the HTML; they render once it is opened
    expect(html).not.toContain("<table");
    const body = renderToStaticMarkup(<ChartTableBody data={ride} />);
    expect(body).toContain("Z4 181–210 W");
    expect(body).toContain("Time in power zones (FTP 200 W)");
    expect(body).toContain("Time in heart-rate zones (max HR 190 bpm)");
  });

  it("WorkoutCharts reserves fixed heights, labels every panel and lists the segments", () => {
    const html = renderToStaticMarkup(<WorkoutCharts data={ride} />);
    expect(html.match(/<figure/g)).toHaveLength(ride.panels.length);
    expect(html).toContain("height:176px");
    expect(html).toContain('aria-label="Class segments"');
    expect(html).toContain("Warm Up");
    expect(workoutChartsHeight(ride)).toBe(4 * 24 + 176 + 112 + 112 + 136 + 22 + 3 * 8 + 8 + 28);
  });

  it("tread notices surface in the summary; a workout without samples renders a message", () => {
    expect(renderToStaticMarkup(<ComplianceSummary data={chartData("tread-run")} />)).toContain("Set your pace level");
    expect(renderToStaticMarkup(<WorkoutCharts data={chartData("meditation")} />)).toContain("No second-by-second data");
  });
});
