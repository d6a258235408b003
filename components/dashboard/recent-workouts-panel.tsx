"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchJson, queryKeys } from "@/hooks/fetch-json";
import { disciplineLabel, formatDuration, formatNumber, formatWorkoutDate } from "@/lib/format/display";
import type { RecentWorkout } from "@/lib/domain/dashboard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

export function RecentWorkoutsPanel({ limit = 6 }: { limit?: number }) {
  const query = useQuery({ queryKey: queryKeys.recent(limit), queryFn: () => fetchJson<RecentWorkout[]>(`/api/dashboard/recent?limit=${limit}`) });
  if (query.isPending) {
    return (
      <div className="space-y-2" aria-busy="true">
        {Array.from({ length: limit }, (_, i) => (
          <Skeleton key={i} className="h-12" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="danger" title="Couldn't load recent workouts" action={<Button variant="secondary" onClick={() => void query.refetch()}>Retry</Button>}>
        {query.error.message}
      </Alert>
    );
  }
  if (query.data.length === 0) return <p className="text-sm text-muted">Your synced workouts will appear here.</p>;
  return (
    <ul className="divide-y divide-border" data-testid="recent-workouts">
      {query.data.map((w) => (
        <li key={w.id} className="flex items-center justify-between gap-3 py-2">
          <div className="min-w-0">
            <Link href={`/workouts/${w.id}`} className="block truncate font-medium hover:underline">
              {w.title}
            </Link>
            <p className="truncate text-xs text-muted">
              {formatWorkoutDate(w.startTime, w.timezone)} · {disciplineLabel(w.discipline)}
              {w.instructor ? ` · ${w.instructor}` : ""}
            </p>
          </div>
          <div className="shrink-0 text-right text-xs tabular-nums text-muted">
            <div>{formatDuration(w.durationSeconds)}</div>
            <div>{w.outputKj !== null ? `${formatNumber(w.outputKj)} kJ` : ""}{w.tss !== null ? ` · ${formatNumber(w.tss)} TSS` : ""}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
