"use client";

import { useState } from "react";
import { useWeeklyVolume } from "@/hooks/use-weekly-volume";
import type { WeekVolume } from "@/lib/domain/dashboard";
import { sumWeeks } from "@/lib/metrics/weekly-volume";
import { QueryPanel } from "@/components/ui/query-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { WeeklyChart, type WeeklyMetric } from "./weekly-chart";
import { TableHead } from "@/components/ui/table-head";
import { formatCount } from "@/lib/format/intl";

const METRICS: { id: WeeklyMetric; label: string }[] = [
  { id: "hours", label: "Time" },
  { id: "outputKj", label: "Output" },
  { id: "tss", label: "TSS" },
];

export function WeeklyVolumePanel({ weeks = 12 }: { weeks?: number }) {
  const [metric, setMetric] = useState<WeeklyMetric>("hours");
  const query = useWeeklyVolume(weeks);
  const totals = query.data ? sumWeeks(query.data) : null;
  return (
    <div className="space-y-3" data-testid="weekly-volume">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="group" aria-label="Metric" className="flex gap-1 rounded-lg bg-surface-2 p-1">
          {METRICS.map((m) => (
            <button
              key={m.id}
              type="button"
              aria-pressed={metric === m.id}
              onClick={() => setMetric(m.id)}
              className={`rounded-md px-3 py-1 text-xs font-semibold ${metric === m.id ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text"}`}
            >
              {m.label}
            </button>
          ))}
        </div>
        {totals && (
          <p className="text-xs text-muted">
            {weeks} weeks: {totals.hours.toFixed(1)} h · {formatCount(totals.outputKj)} kJ · {formatCount(totals.tss)} TSS · {totals.workouts} workouts
          </p>
        )}
      </div>
      <div className="h-56">
        <QueryPanel
          query={query}
          loading={<Skeleton className="h-56" />}
          loadingLabel="Loading your weekly volume"
          errorTitle="Couldn't load your weekly volume"
          isEmpty={(data) => data.every((w) => w.workouts === 0)}
          fill
          empty={
            <>
              <p className="font-medium text-text">No workouts in the last {weeks} weeks yet.</p>
              <p>Take a Peloton class and sync: your weekly time, output and TSS appear here.</p>
            </>
          }
        >
          {(data) => <WeeklyChart weeks={data} metric={metric} />}
        </QueryPanel>
      </div>
      {query.data && <WeeklyTable weeks={query.data} />}
    </div>
  );
}

function WeeklyTable({ weeks }: { weeks: WeekVolume[] }) {
  return (
    <details className="text-xs text-muted">
      <summary className="cursor-pointer">Show as table</summary>
      <table className="mt-2 w-full">
        <TableHead
          columns={["Week of", { label: "Time", numeric: true }, { label: "Output", numeric: true }, { label: "TSS", numeric: true }, { label: "Workouts", numeric: true }]}
          rowClassName="text-left"
          cellClassName=""
          gapClassName=""
        />
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week}>
              <td>{w.week}</td>
              <td className="text-right">{(w.seconds / 3600).toFixed(1)} h</td>
              <td className="text-right">{w.outputKj} kJ</td>
              <td className="text-right">{w.tss}</td>
              <td className="text-right">{w.workouts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
