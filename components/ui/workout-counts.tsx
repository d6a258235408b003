import { disciplineLabel } from "@/lib/format/display";

/** Workout counts by discipline as labelled bars (zero counts left out), largest first. */
export function WorkoutCounts({ counts, testId }: { counts: Record<string, number>; testId: string }) {
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  if (!rows.length) return null;
  const max = rows[0]?.[1] ?? 1;
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Workouts by discipline</h3>
      <ul className="space-y-1.5 text-sm" data-testid={testId}>
        {rows.map(([slug, n]) => (
          <li key={slug} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-2">
            <span className="truncate">{disciplineLabel(slug)}</span>
            <span aria-hidden className="h-2 rounded-full bg-accent/80" style={{ width: `${Math.max(2, (n / max) * 100)}%` }} />
            <span className="text-right tabular-nums">{n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
