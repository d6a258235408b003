"use client";

import Link from "@/components/ui/link";
import { useRecentWorkouts } from "@/hooks/use-recent-workouts";
import { disciplineLabel, formatDuration, formatNumber } from "@/lib/format/display";
import type { RecentWorkout } from "@/lib/domain/dashboard";
import { QueryPanel } from "@/components/ui/query-panel";
import { SkeletonRows } from "@/components/ui/skeleton";

export function RecentWorkoutsPanel({ limit = 6 }: { limit?: number }) {
  const query = useRecentWorkouts(limit);
  return (
    <QueryPanel
      query={query}
      loading={<SkeletonRows rows={limit} className="h-12" />}
      loadingLabel="Loading your recent workouts"
      errorTitle="Couldn't load recent workouts"
      isEmpty={(data) => data.length === 0}
      empty={
        <>
          <p className="font-medium text-text">No workouts yet.</p>
          <p>
            Sync your Peloton history and your latest classes appear here. <Link href="/connections" className="underline">Go to Connections</Link>
          </p>
        </>
      }
    >
      {(data) => <RecentList workouts={data} />}
    </QueryPanel>
  );
}

function RecentList({ workouts }: { workouts: RecentWorkout[] }) {
  return (
    <ul className="divide-y divide-border" data-testid="recent-workouts">
      {workouts.map((w) => (
        <li key={w.id} className="flex items-center justify-between gap-3 py-2">
          <div className="min-w-0">
            <Link href={`/workouts/${w.id}`} className="block truncate font-medium hover:underline">
              {w.title}
            </Link>
            <p className="truncate text-xs text-muted">
              {w.when} · {disciplineLabel(w.discipline)}
              {w.instructor ? ` · ${w.instructor}` : ""}
            </p>
          </div>
          <div className="shrink-0 text-right text-xs tabular-nums text-muted">
            <div>{formatDuration(w.durationSeconds)}</div>
            <div data-testid="recent-workout-figures">{[w.outputKj !== null ? `${formatNumber(w.outputKj)} kJ` : null, w.tss !== null ? `${formatNumber(w.tss)} TSS` : null].filter(Boolean).join(" · ")}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
