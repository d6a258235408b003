"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/lib/format/display";
import type { ZoneBar } from "@/lib/metrics/analytics-chart";

/** Time in each zone as horizontal bars in the zone colours (minutes on the axis, the zone's range in the tooltip). */
export function timeInZoneHeight(zones: number): number {
  return 28 * zones + 28;
}

export function TimeInZoneChart({ zones, title }: { zones: ZoneBar[]; title: string }) {
  const total = zones.reduce((s, z) => s + z.seconds, 0);
  const data = zones.map((z) => ({ ...z, minutes: Math.round((z.seconds / 60) * 10) / 10, share: total ? Math.round((z.seconds / total) * 100) : 0 }));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: timeInZoneHeight(zones.length) }}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }} aria-label={`${title}: ${data.map((z) => `${z.label} ${z.share}%`).join(", ")}`}>
        <XAxis type="number" dataKey="minutes" stroke="var(--border)" tick={{ fill: "var(--muted)", fontSize: 11 }} tickFormatter={(m: number) => `${m} min`} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={44} stroke="var(--border)" tick={{ fill: "var(--text)", fontSize: 12 }} />
        <Bar dataKey="minutes" isAnimationActive={false} radius={[0, 4, 4, 0]}>
          {data.map((z) => (
            <Cell key={z.key} fill={`var(--z${Math.min(7, Math.max(1, z.tone))})`} />
          ))}
          <LabelList dataKey="share" position="right" formatter={(v) => `${String(v)}%`} style={{ fill: "var(--muted)", fontSize: 11 }} />
        </Bar>
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "var(--surface-2)" }}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)", fontSize: 12 }}
          formatter={(_v, _n, _item, index) => {
            const z = data[index];
            return z ? [`${formatDuration(z.seconds)} (${z.share}%)`, z.range] : ["", ""];
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
