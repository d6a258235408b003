"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekVolume } from "@/lib/domain/dashboard";
import { formatAxisNumber, formatDayTick } from "@/lib/metrics/chart-format";

export type WeeklyMetric = "hours" | "outputKj" | "tss";

const LABEL: Record<WeeklyMetric, string> = { hours: "Hours", outputKj: "Output (kJ)", tss: "TSS" };
const UNIT: Record<WeeklyMetric, string> = { hours: "h", outputKj: "kJ", tss: "TSS" };

/** Renders weekly volume; the data is already shaped by the server (lib/queries/dashboard.ts). */
export function WeeklyChart({ weeks, metric }: { weeks: WeekVolume[]; metric: WeeklyMetric }) {
  const data = weeks.map((w) => ({ label: w.week, hours: Math.round((w.seconds / 3600) * 10) / 10, outputKj: w.outputKj, tss: w.tss }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: -4 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tickFormatter={formatDayTick} minTickGap={12} tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
        <YAxis
          width={40}
          tickFormatter={formatAxisNumber}
          tick={{ fill: "var(--muted)", fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          allowDecimals={metric === "hours"}
          label={{ value: UNIT[metric], position: "top", offset: 6, dx: 10, fill: "var(--muted)", fontSize: 11 }}
        />
        <Tooltip
          cursor={{ fill: "var(--surface-2)" }}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)" }}
          formatter={(value) => [value, LABEL[metric]]}
          labelFormatter={(label) => `Week of ${formatDayTick(String(label))}`}
        />
        <Bar dataKey={metric} fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
