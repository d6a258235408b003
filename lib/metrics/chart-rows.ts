import type { ChannelName } from "@/lib/domain/series";
import type { TargetBand, WorkoutChartData } from "./workout-chart-types";

/**
 * The compact, columnar WorkoutChartData → the row objects Recharts draws (pure; runs in the browser). Every chart
 * gets the same rows, so `syncId` (which syncs by index) lines the cursors up across the stack.
 */
export type ChartRow = { t: number } & Partial<Record<ChannelName, number | null>>;

export function pointTime(time: WorkoutChartData["time"], index: number): number {
  return time.offsets ? (time.offsets[index] ?? time.start + index * time.step) : time.start + index * time.step;
}

export function toChartRows(data: Pick<WorkoutChartData, "time" | "channels">): ChartRow[] {
  const rows: ChartRow[] = [];
  for (let i = 0; i < data.time.count; i++) {
    const row: ChartRow = { t: pointTime(data.time, i) };
    for (const channel of data.channels) row[channel.key] = channel.values[i] ?? null;
    rows.push(row);
  }
  return rows;
}

/** The band in force at second t (spans are end-exclusive), for tooltips. */
export function bandAt(bands: readonly TargetBand[], t: number): TargetBand | null {
  return bands.find((b) => b.start <= t && t < b.end) ?? null;
}
