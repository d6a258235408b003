import type { WorkoutPageSummary } from "@/lib/metrics/workout-summary";
import { Stat } from "@/components/ui/stat";

/**
 * The workout's figures (server/queries/workout-summary.ts): the same numbers as its FIT file and its comparison.
 * Figures AutoCoach computed from the samples say so in their hint, with Peloton's own where it differs.
 */
export function WorkoutSummary({ summary }: { summary: WorkoutPageSummary | null }) {
  if (!summary) return <p className="text-sm text-muted">This workout&apos;s details are still syncing.</p>;
  if (summary.stats.length === 0) return <p className="text-sm text-muted">Peloton recorded no figures for this workout.</p>;
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="workout-summary">
      {summary.stats.map((s) => (
        <Stat key={s.key} label={s.label} value={s.value} unit={s.unit} hint={s.hint} data={{ "data-stat": s.key, "data-origin": s.origin }} />
      ))}
    </dl>
  );
}
