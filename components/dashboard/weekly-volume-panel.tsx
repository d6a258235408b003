"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { fetchJson, queryKeys } from "@/hooks/fetch-json";
import type { WeekVolume } from "@/lib/domain/dashboard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { WeeklyMetric } from "./weekly-chart";

// Recharts stays out of the dashboard's first-load JS.
const WeeklyChart = dynamic(() => import("./weekly-chart").then((m) => m.WeeklyChart), { ssr: false, loading: () => <Skeleton className="h-full" /> });

const METRICS: { id: WeeklyMetric; label: string }[] = [
  { id: "hours", label: "Time" },
  { id: "outputKj", label: "Output" },
  { id: "tss", label: "TSS" },
];

export function WeeklyVolumePanel({ weeks = 12 }: { weeks?: number }) {
  const [metric, setMetric] = useState<WeeklyMetric>("hours");
  const query = useQuery({ queryKey: queryKeys.weekly(weeks), queryFn: () => fetchJson<WeekVolume[]>(`/api/dashboard/weekly?weeks=${weeks}`) });
  const totals = query.data?.reduce((a, w) => ({ seconds: a.seconds + w.seconds, kj: a.kj + w.outputKj, tss: a.tss + w.tss, n: a.n + w.workouts }), { seconds: 0, kj: 0, tss: 0, n: 0 });
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
            12 weeks: {(totals.seconds / 3600).toFixed(1)} h · {totals.kj.toLocaleString("en-US")} kJ · {totals.tss.toLocaleString("en-US")} TSS · {totals.n} workouts
          </p>
        )}
      </div>
      <div className="h-56">
        {query.isPending ? (
          <Skeleton className="h-full" />
        ) : query.isError ? (
          <Alert tone="danger" title="Couldn't load your weekly volume" action={<Button variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
            {query.error.message}
          </Alert>
        ) : query.data.every((w) => w.workouts === 0) ? (
          <p className="grid h-full place-items-center rounded-lg border border-dashed border-border text-sm text-muted">No workouts in the last 12 weeks yet.</p>
        ) : (
          <WeeklyChart weeks={query.data} metric={metric} />
        )}
      </div>
      {query.data && (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer">Show as table</summary>
          <table className="mt-2 w-full">
            <thead>
              <tr className="text-left">
                <th scope="col">Week of</th>
                <th scope="col" className="text-right">Time</th>
                <th scope="col" className="text-right">Output</th>
                <th scope="col" className="text-right">TSS</th>
                <th scope="col" className="text-right">Workouts</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((w) => (
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
      )}
    </div>
  );
}
