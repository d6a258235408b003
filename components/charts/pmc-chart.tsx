"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { dayTickLabel, dayTicks, formatDay, type PmcRow } from "@/lib/metrics/analytics-chart";

/**
 * The performance management chart, laid out as TrainingPeaks' is: fitness (CTL), fatigue (ATL) and form (TSB) share the
 * left axis (TSS per day; form below zero means fatigue exceeds fitness), daily load is a faint stepped area on the right axis.
 * Renders the rows as given (lib/metrics shapes them).
 */
const SERIES = {
  load: { name: "Daily load", color: "var(--muted)" },
  ctl: { name: "Fitness (CTL)", color: "var(--z2)" },
  atl: { name: "Fatigue (ATL)", color: "var(--z6)" },
  tsb: { name: "Form (TSB)", color: "var(--z3)" },
} as const;

const axis = { stroke: "var(--border)", tick: { fill: "var(--muted)", fontSize: 11 } };

export function PmcChart({ rows }: { rows: PmcRow[] }) {
  const ticks = dayTicks(rows.map((r) => r.day));
  const long = rows.length > 45;
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 320 }}>
      <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} aria-label="Performance management chart: fitness, fatigue and form by day">
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="day" ticks={ticks} interval="preserveStartEnd" minTickGap={12} tickFormatter={(d: string) => dayTickLabel(d, long)} {...axis} />
        <YAxis yAxisId="pmc" width={40} allowDecimals={false} {...axis} label={{ value: "TSS/day", angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 11, dy: 30 }} />
        <YAxis yAxisId="load" orientation="right" width={36} allowDecimals={false} {...axis} label={{ value: "Load", angle: 90, position: "insideRight", fill: "var(--muted)", fontSize: 11, dy: -14 }} />
        {/* One stepped path, not a bar per day: hundreds of bar elements made this the slowest render of the app on a phone. */}
        <Area yAxisId="load" type="stepAfter" dataKey="load" name={SERIES.load.name} stroke={SERIES.load.color} strokeOpacity={0.5} strokeWidth={1} fill={SERIES.load.color} fillOpacity={0.2} dot={false} activeDot={false} isAnimationActive={false} />
        <ReferenceLine yAxisId="pmc" y={0} stroke="var(--muted)" strokeDasharray="4 4" />
        <Line yAxisId="pmc" type="monotone" dataKey="tsb" name={SERIES.tsb.name} stroke={SERIES.tsb.color} strokeWidth={1.25} dot={false} isAnimationActive={false} />
        <Line yAxisId="pmc" type="monotone" dataKey="atl" name={SERIES.atl.name} stroke={SERIES.atl.color} strokeWidth={1.5} dot={false} isAnimationActive={false} />
        <Line yAxisId="pmc" type="monotone" dataKey="ctl" name={SERIES.ctl.name} stroke={SERIES.ctl.color} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Tooltip
          isAnimationActive={false}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)", fontSize: 12 }}
          labelFormatter={(d) => formatDay(String(d))}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--text)" }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
