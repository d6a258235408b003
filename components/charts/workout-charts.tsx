"use client";

import { useId, useMemo } from "react";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatClock, formatPace, formatPercent, formatValue, type ValueFormat } from "@/lib/metrics/chart-format";
import { bandAt, toChartRows, type ChartRow } from "@/lib/metrics/chart-rows";
import type { ChartChannel, ChartPanel, MetricCompliance, WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { CHART_MARGIN, chartBoxHeight, PANEL_GAP, PANEL_HEADER_HEIGHT, SEGMENT_STRIP_HEIGHT, X_AXIS_HEIGHT, Y_AXIS_WIDTH } from "./chart-layout";

/**
 * The stacked workout charts: one panel per channel, all on the same time axis and the same rows, tied together by
 * `syncId` so the cursor and tooltips move together. Renders WorkoutChartData as given (lib/metrics shapes it).
 * Keyboard: each chart is a tab stop (Recharts' accessibility layer); ← / → move the cursor, and the other charts follow.
 * Load it with next/dynamic: Recharts is this module's only heavy import.
 */
export function WorkoutCharts({ data }: { data: WorkoutChartData }) {
  const rows = useMemo(() => toChartRows(data), [data]);
  const syncId = useId();
  if (!data.panels.length) {
    return (
      <div className="flex h-24 items-center justify-center rounded-lg border border-dashed border-border text-sm text-muted">
        No second-by-second data to chart for this workout.
      </div>
    );
  }
  const last = data.panels.length - 1;
  return (
    <div className="flex flex-col" style={{ gap: PANEL_GAP }}>
      {data.panels.map((panel, i) => (
        <PanelChart
          key={panel.id}
          panel={panel}
          channel={data.channels.find((c) => c.key === panel.channel)}
          compliance={data.compliance.find((c) => c.metric === panel.metric && c.channel === panel.channel)}
          note={panel.id === "heart_rate" && data.heartRate ? heartRateNote(data.heartRate.method, data.heartRate.basis) : null}
          rows={rows}
          time={data.time}
          syncId={syncId}
          showTimeAxis={i === last}
        />
      ))}
      {data.segments.length > 0 && <SegmentStrip segments={data.segments} end={data.time.end} />}
    </div>
  );
}

function heartRateNote(method: "lthr" | "max_hr", basis: number): string {
  return method === "lthr" ? `Zones from LTHR ${basis} bpm` : `Zones from max HR ${basis} bpm`;
}

function formatOf(channel: ChartChannel | undefined, panel: ChartPanel): ValueFormat {
  return { unit: panel.unit, decimals: channel?.decimals ?? 0, pace: panel.reversed };
}

function PanelChart(props: {
  panel: ChartPanel;
  channel: ChartChannel | undefined;
  compliance: MetricCompliance | undefined;
  note: string | null;
  rows: ChartRow[];
  time: WorkoutChartData["time"];
  syncId: string;
  showTimeAxis: boolean;
}) {
  const { panel, channel, compliance, note, rows, time, syncId, showTimeAxis } = props;
  const titleId = useId();
  const format = formatOf(channel, panel);
  const line = panel.bands.length || panel.zones.length ? "var(--text)" : "var(--accent)";
  return (
    <figure className="m-0 min-w-0" aria-labelledby={titleId}>
      <figcaption className="flex items-baseline justify-between gap-2 text-xs" style={{ height: PANEL_HEADER_HEIGHT }}>
        <span id={titleId} className="truncate font-semibold">
          {panel.title} <span className="font-normal text-muted">({panel.unit})</span>
        </span>
        <span className="truncate text-muted">
          {compliance && compliance.inPct !== null ? `${formatPercent(compliance.inPct)} in target` : note}
        </span>
      </figcaption>
      <div style={{ height: chartBoxHeight(panel.id, showTimeAxis) }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: chartBoxHeight(panel.id, showTimeAxis) }}>
          <ComposedChart
            data={rows}
            syncId={syncId}
            margin={showTimeAxis ? CHART_MARGIN : { ...CHART_MARGIN, bottom: 6 }}
            aria-label={`${panel.title} chart. ${panel.summary} Use the left and right arrow keys to move through the workout.`}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" verticalValues={time.ticks} />
            <XAxis
              dataKey="t"
              type="number"
              domain={[0, time.end]}
              ticks={time.ticks}
              tickFormatter={formatClock}
              hide={!showTimeAxis}
              height={X_AXIS_HEIGHT}
              stroke="var(--border)"
              tick={{ fill: "var(--muted)", fontSize: 11 }}
              allowDataOverflow
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              domain={panel.yDomain}
              reversed={panel.reversed}
              allowDataOverflow
              ticks={panel.yTicks}
              interval={0}
              tickFormatter={(v: number) => (panel.reversed ? formatPace(v) : String(v))}
              stroke="var(--border)"
              tick={{ fill: "var(--muted)", fontSize: 11 }}
            />
            {panel.zones.map((z) => (
              <ReferenceArea key={`zone-${z.id}`} y1={z.lower} y2={z.upper} fill={`var(--z${z.tone})`} fillOpacity={0.1} ifOverflow="hidden" />
            ))}
            {panel.bands.map((b) => (
              <ReferenceArea
                key={`band-${b.start}`}
                x1={b.start}
                x2={b.end}
                y1={b.lower}
                y2={b.upper}
                fill={b.zone ? `var(--z${b.zone})` : "var(--ok)"}
                fillOpacity={b.zone ? 0.3 : 0.2}
                ifOverflow="hidden"
              />
            ))}
            <Line
              type="linear"
              dataKey={panel.channel}
              name={panel.title}
              stroke={line}
              strokeWidth={1.25}
              dot={false}
              activeDot={{ r: 3, fill: line, stroke: "var(--surface)" }}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={{ stroke: "var(--muted)", strokeWidth: 1 }}
              content={(p: TooltipContentProps) => <PanelTooltip {...p} panel={panel} format={format} />}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function PanelTooltip({ active, payload, label, panel, format }: TooltipContentProps & { panel: ChartPanel; format: ValueFormat }) {
  if (!active || label === undefined) return null;
  const t = Number(label);
  const raw = payload[0]?.value;
  const value = typeof raw === "number" ? raw : null;
  const band = bandAt(panel.bands, t);
  return (
    <div className="rounded-md border border-border bg-surface px-2 py-1 text-xs shadow-sm">
      <span className="tabular-nums text-muted">{formatClock(t)}</span> <span className="font-semibold tabular-nums">{formatValue(value, format)}</span>
      {band && <span className="block text-muted">Target {band.label}</span>}
    </div>
  );
}

function SegmentStrip({ segments, end }: { segments: WorkoutChartData["segments"]; end: number }) {
  return (
    <ol
      aria-label="Class segments"
      className="relative m-0 list-none p-0"
      style={{ height: SEGMENT_STRIP_HEIGHT, marginLeft: Y_AXIS_WIDTH + CHART_MARGIN.left, marginRight: CHART_MARGIN.right }}
    >
      {segments.map((s, i) => (
        <li
          key={`${s.start}-${i}`}
          title={`${s.name} ${formatClock(s.start)}–${formatClock(s.end)}`}
          className={`absolute inset-y-0 flex items-center overflow-hidden border-l border-border px-1 text-[11px] leading-none text-muted ${i % 2 ? "bg-surface-2" : "bg-surface"}`}
          style={{ left: `${(s.start / end) * 100}%`, width: `${((s.end - s.start) / end) * 100}%` }}
        >
          <span className="truncate">{s.name}</span>
          <span className="sr-only">
            , {formatClock(s.start)} to {formatClock(s.end)}
          </span>
        </li>
      ))}
    </ol>
  );
}
