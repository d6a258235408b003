"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { CURVE_TICKS, curveTickLabel, formatDay, formatEffortDuration, type CurveRow } from "@/lib/metrics/analytics-chart";
import { formatClock } from "@/lib/format/score";

/**
 * A mean-maximal curve on a log time axis, with the comparison range dashed. Watts for rides; for runs and rows the
 * value is a pace in seconds (faster is higher, so the axis is reversed). Clicking a point opens the ride that set it;
 * the best-efforts table beside it links the same rides for keyboards and screen readers.
 */
export function CurveChart({ rows, unit, pace, currentLabel, compareLabel }: { rows: CurveRow[]; unit: string; pace: boolean; currentLabel: string; compareLabel: string | null }) {
  const router = useRouter();
  const format = (v: number) => (pace ? formatClock(v) : String(v));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 320 }}>
      <LineChart
        data={rows}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        aria-label={`Best ${pace ? "pace" : "power"} for each duration, ${currentLabel}${compareLabel ? ` against ${compareLabel}` : ""}`}
        onClick={(state) => {
          const row = typeof state.activeTooltipIndex === "number" ? rows[state.activeTooltipIndex] : undefined;
          if (row?.currentId) router.push(`/workouts/${row.currentId}`);
        }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
        <XAxis dataKey="seconds" type="number" scale="log" domain={[1, 7200]} ticks={[...CURVE_TICKS]} tickFormatter={curveTickLabel} stroke="var(--border)" tick={{ fill: "var(--muted)", fontSize: 11 }} allowDataOverflow />
        <YAxis
          width={48}
          reversed={pace}
          domain={["auto", "auto"]}
          tickFormatter={format}
          stroke="var(--border)"
          tick={{ fill: "var(--muted)", fontSize: 11 }}
          label={{ value: unit, angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 11, dy: 20 }}
        />
        <Line type="monotone" dataKey="current" name={currentLabel} stroke="var(--accent)" strokeWidth={2} dot={false} activeDot={{ r: 5, cursor: "pointer" }} connectNulls isAnimationActive={false} />
        {compareLabel && <Line type="monotone" dataKey="compare" name={compareLabel} stroke="var(--z2)" strokeWidth={1.5} strokeDasharray="5 4" dot={false} connectNulls isAnimationActive={false} />}
        <Tooltip isAnimationActive={false} content={(p: TooltipContentProps) => <CurveTooltip {...p} rows={rows} format={format} unit={unit} />} />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--text)" }} />
      </LineChart>
    </ResponsiveContainer>
  );
}

function CurveTooltip({ active, label, rows, format, unit }: TooltipContentProps & { rows: CurveRow[]; format: (v: number) => string; unit: string }) {
  const row = rows.find((r) => r.seconds === Number(label));
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-2 py-1 text-xs shadow-sm">
      <p className="font-semibold">{formatEffortDuration(row.seconds)}</p>
      {row.current !== null && (
        <p>
          <span className="tabular-nums">
            {format(row.current)} {unit}
          </span>
          {row.currentTitle && (
            <span className="block text-muted">
              {row.currentTitle}, {row.currentDay ? formatDay(row.currentDay) : ""} (click to open)
            </span>
          )}
        </p>
      )}
      {row.compare !== null && (
        <p className="text-muted">
          Compared: {format(row.compare)} {unit}
        </p>
      )}
    </div>
  );
}
