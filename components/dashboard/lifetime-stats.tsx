import type { PelotonProfileView } from "@/lib/queries/peloton";
import { disciplineLabel, formatNumber } from "@/lib/format";
import { Stat } from "@/components/ui/stat";

/** The seed's profile fields: totals, streaks, achievements, workouts by discipline. */
export function LifetimeStats({ profile: p }: { profile: PelotonProfileView }) {
  const counts = Object.entries(p.workoutCounts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const max = counts[0]?.[1] ?? 1;
  const hours = p.totalPedalingDurationSeconds ? p.totalPedalingDurationSeconds / 3600 : null;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:col-span-2" data-testid="lifetime-stats">
        <Stat label="Workouts" value={formatNumber(p.totalWorkouts)} hint={p.totalPedalingWorkouts !== null ? `${formatNumber(p.totalPedalingWorkouts)} pedaling · ${formatNumber(p.totalNonPedalingWorkouts)} other` : undefined} />
        <Stat label="Total output" value={formatNumber(p.totalOutputKj)} unit="kJ" />
        <Stat label="Distance" value={formatNumber(p.totalDistance)} unit={p.distanceUnit ?? undefined} />
        <Stat label="Calories" value={formatNumber(p.totalCalories)} unit="kcal" />
        <Stat label="Time pedaling" value={hours === null ? "—" : formatNumber(hours)} unit={hours === null ? undefined : "h"} />
        <Stat label="Weekly streak" value={formatNumber(p.currentWeeklyStreak)} unit="wk" hint={`best ${formatNumber(p.bestWeeklyStreak)} weeks`} />
        <Stat label="Daily streak" value={formatNumber(p.currentDailyStreak)} unit="days" />
        <Stat label="Achievements" value={formatNumber(p.achievementsCount)} />
      </dl>
      {counts.length > 0 && (
        <div>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Workouts by discipline</h3>
          <ul className="space-y-1.5 text-sm" data-testid="workouts-by-discipline">
            {counts.map(([slug, n]) => (
              <li key={slug} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-2">
                <span className="truncate">{disciplineLabel(slug)}</span>
                <span aria-hidden className="h-2 rounded-full bg-accent/80" style={{ width: `${Math.max(2, (n / max) * 100)}%` }} />
                <span className="text-right tabular-nums">{n}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
