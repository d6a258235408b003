"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekVolume } from "@/lib/domain/dashboard";

export type WeeklyMetric = "hours" | "outputKj" | "tss";

const LABEL: Record<WeeklyMetric, string> = { hours: "Hours", outputKj: "Output (kJ)", tss: "TSS" };

/** Renders weekly volume; the data is already shaped by the server (lib/queries/dashboard.ts). */
export function WeeklyChart({ weeks, metric }: { weeks: WeekVolume[]; metric: WeeklyMetric }) {
  const data = weeks.map((w) => ({ label: w.week.slice(5), hours: Math.round((w.seconds / 3600) * 10) / 10, outputKj: w.outputKj, tss: w.tss }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
        <YAxis tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={false} allowDecimals={metric === "hours"} />
        <Tooltip
          cursor={{ fill: "var(--surface-2)" }}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)" }}
          formatter={(value) => [value, LABEL[metric]]}
          labelFormatter={(label) => `Week of ${String(label)}`}
        />
        <Bar dataKey={metric} fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
