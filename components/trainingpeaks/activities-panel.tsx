"use client";

import Link from "@/components/ui/link";
import { useId, useState } from "react";
import { useTrainingPeaksActivities } from "@/hooks/use-trainingpeaks-activities";
import type { LinkedActivity } from "@/lib/domain/trainingpeaks";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatDuration } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";
import { formatDay } from "@/lib/metrics/analytics-chart";
import { addDays } from "@/lib/time/time-zone";
import { Button } from "@/components/ui/button";
import { QueryPanel } from "@/components/ui/query-panel";
import { SkeletonRows } from "@/components/ui/skeleton";
import { TableHead } from "@/components/ui/table-head";
import { Arrow } from "@/components/ui/arrow";

/**
 * TrainingPeaks activities of the last `days` days up to `today` (YYYY-MM-DD in the user's zone, from the server so
 * both renders agree), distances in the user's units.
 */
export function ActivitiesPanel({ today, units, days = 90 }: { today: string; units: UnitsSetting; days?: number }) {
  const [range, setRange] = useState(() => ({ start: addDays(today, 1 - days), end: today }));
  const [draft, setDraft] = useState(range);
  const query = useTrainingPeaksActivities(range.start, range.end);
  const startId = useId();
  const endId = useId();
  const invalid = draft.start > draft.end;

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) setRange(draft);
        }}
      >
        <label htmlFor={startId} className="flex flex-col gap-1 text-sm">
          <span className="text-muted">From</span>
          <input id={startId} type="date" value={draft.start} max={draft.end} onChange={(e) => setDraft({ ...draft, start: e.target.value })} className="min-h-10 rounded-lg border border-border bg-surface px-3" />
        </label>
        <label htmlFor={endId} className="flex flex-col gap-1 text-sm">
          <span className="text-muted">To</span>
          <input id={endId} type="date" value={draft.end} min={draft.start} onChange={(e) => setDraft({ ...draft, end: e.target.value })} className="min-h-10 rounded-lg border border-border bg-surface px-3" />
        </label>
        <Button type="submit" variant="secondary" disabled={invalid}>
          Show activities
        </Button>
        {invalid && <p className="text-sm text-danger">The start date must be before the end date.</p>}
      </form>

      <QueryPanel
        query={query}
        loading={<SkeletonRows rows={6} className="h-10" />}
        loadingLabel="Loading your TrainingPeaks activities"
        errorTitle="Couldn't load your TrainingPeaks activities"
        isEmpty={(data) => data.activities.length === 0 && data.unreadable === 0}
        empty={
          <>
            <p className="font-medium text-text">
              No TrainingPeaks activities between {formatDay(range.start)} and {formatDay(range.end)}.
            </p>
            <p>Choose a wider range above, or send a ride to TrainingPeaks from its workout page.</p>
          </>
        }
      >
        {(data) => (
          <div className="space-y-3">
            {data.unreadable > 0 && <UnreadableNote count={data.unreadable} />}
            {data.activities.length > 0 && <ActivitiesTable activities={data.activities} units={units} />}
          </div>
        )}
      </QueryPanel>
    </div>
  );
}

export function UnreadableNote({ count }: { count: number }) {
  return (
    <p className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm" role="status" data-testid="tp-unreadable">
      {count} TrainingPeaks {count === 1 ? "activity" : "activities"} in this range could not be read (TrainingPeaks sent{" "}
      {count === 1 ? "it" : "them"} incomplete) and {count === 1 ? "is" : "are"} not shown.
    </p>
  );
}

function ActivitiesTable({ activities, units }: { activities: LinkedActivity[]; units: UnitsSetting }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm" data-testid="tp-activities">
        <caption className="sr-only">TrainingPeaks activities, newest first</caption>
        <TableHead columns={["Date", "Title", "Type", { label: "Duration", numeric: true }, { label: "Distance", numeric: true }, { label: "TSS", numeric: true }, { label: "NP", numeric: true }]} />
        <tbody>
          {activities.map((a) => (
            <tr key={a.id} className="border-t border-border">
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{formatDay(a.day)}</td>
              <td className="py-2 pr-3">
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noreferrer" className="hover:underline">
                    {a.title}
                  </a>
                ) : (
                  a.title
                )}
                {!a.completed && <span className="ml-2 rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">planned</span>}
                {a.autocoachWorkoutId && (
                  <Link href={`/workouts/${a.autocoachWorkoutId}`} className="ml-2 rounded bg-accent/10 px-1.5 py-0.5 text-xs font-semibold text-accent hover:underline" data-testid="autocoach-link">
                    From AutoCoach <Arrow dir="right" />
                  </Link>
                )}
              </td>
              <td className="py-2 pr-3">{a.type}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(a.durationSeconds ?? a.plannedDurationSeconds)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatDistance(a.distanceMeters, units)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{a.tss === null ? "—" : Math.round(a.tss)}</td>
              <td className="py-2 text-right tabular-nums">{a.normalizedPower === null ? "—" : `${Math.round(a.normalizedPower)} W`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
