"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, type FtpHistoryRow } from "@/lib/metrics/analytics-chart";

/** FTP over time: each source as steps, FTP test results as points (click one to open the test ride). */
const SERIES = [
  { key: "peloton", name: "Peloton", color: "var(--accent)" },
  { key: "trainingpeaks", name: "TrainingPeaks", color: "var(--z2)" },
  { key: "yours", name: "Yours", color: "var(--z3)" },
] as const;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const tickLabel = (t: number) => {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`;
};

export function FtpHistoryChart({ rows }: { rows: FtpHistoryRow[] }) {
  const router = useRouter();
  const shown = SERIES.filter((s) => rows.some((r) => r[s.key] !== null));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 240 }}>
      <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} aria-label="FTP history by source, with FTP test results">
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tickLabel} stroke="var(--border)" tick={{ fill: "var(--muted)", fontSize: 11 }} minTickGap={24} />
        <YAxis width={44} domain={[(min: number) => Math.floor((min - 10) / 10) * 10, (max: number) => Math.ceil((max + 10) / 10) * 10]} allowDecimals={false} stroke="var(--border)" tick={{ fill: "var(--muted)", fontSize: 11 }} label={{ value: "W", angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 11 }} />
        {shown.map((s) => (
          <Line key={s.key} type="stepAfter" dataKey={s.key} name={`${s.name} FTP`} stroke={s.color} strokeWidth={2} dot={{ r: 2.5, fill: s.color }} connectNulls isAnimationActive={false} />
        ))}
        <Scatter
          dataKey="test"
          name="FTP test result"
          fill="var(--text)"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(point: { payload?: FtpHistoryRow }) => {
            if (point.payload?.testWorkoutId) router.push(`/workouts/${point.payload.testWorkoutId}`);
          }}
        />
        <Tooltip
          isAnimationActive={false}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)", fontSize: 12 }}
          labelFormatter={(t) => formatDay(new Date(Number(t)).toISOString().slice(0, 10))}
          formatter={(value, name) => [`${String(value)} W`, name]}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--text)" }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
