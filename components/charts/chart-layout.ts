import type { PanelId, WorkoutChartData } from "@/lib/metrics/workout-chart-types";

/**
 * Fixed sizes of the stacked workout charts (no Recharts import here, so a page can reserve the space before the
 * chart bundle loads: no layout shift). Every panel is a header line plus a chart box of fixed height.
 */
export const PANEL_HEADER_HEIGHT = 24;
export const X_AXIS_HEIGHT = 22;
export const SEGMENT_STRIP_HEIGHT = 28;
export const PANEL_GAP = 8;
export const Y_AXIS_WIDTH = 44;
export const CHART_MARGIN = { top: 6, right: 8, bottom: 0, left: 0 } as const;

const CHART_HEIGHT: Record<PanelId, number> = {
  power: 176,
  heart_rate: 136,
  cadence: 112,
  resistance: 112,
  stroke_rate: 112,
  pace: 144,
  split_pace: 144,
  speed: 128,
  incline: 96,
  altitude: 96,
};

/** Height of one panel's chart box; the last panel also carries the time axis labels. */
export function chartBoxHeight(id: PanelId, last: boolean): number {
  return CHART_HEIGHT[id] + (last ? X_AXIS_HEIGHT : 0);
}

/** Total height WorkoutCharts takes for this data: reserve it while the charts load. */
export function workoutChartsHeight(data: Pick<WorkoutChartData, "panels" | "segments">): number {
  if (!data.panels.length) return 96;
  const panels = data.panels.reduce((sum, p, i) => sum + PANEL_HEADER_HEIGHT + chartBoxHeight(p.id, i === data.panels.length - 1), 0);
  const gaps = PANEL_GAP * (data.panels.length - 1);
  const strip = data.segments.length ? PANEL_GAP + SEGMENT_STRIP_HEIGHT : 0;
  return panels + gaps + strip;
}
