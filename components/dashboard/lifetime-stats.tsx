import type { PelotonProfileView } from "@/lib/domain/peloton-connection";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatNumber } from "@/lib/format/display";
import { distanceFromUnit } from "@/lib/format/quantity";
import { Stat } from "@/components/ui/stat";
import { WorkoutCounts } from "@/components/ui/workout-counts";

/** The seed's profile fields: totals, streaks, achievements, workouts by discipline. */
export function LifetimeStats({ profile: p, units }: { profile: PelotonProfileView; units: UnitsSetting }) {
  const distance = distanceFromUnit(p.totalDistance, p.distanceUnit, units);
  const hours = p.totalPedalingDurationSeconds ? p.totalPedalingDurationSeconds / 3600 : null;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:col-span-2" data-testid="lifetime-stats">
        <Stat label="Workouts" value={formatNumber(p.totalWorkouts)} hint={p.totalPedalingWorkouts !== null ? `${formatNumber(p.totalPedalingWorkouts)} pedaling · ${formatNumber(p.totalNonPedalingWorkouts)} other` : undefined} />
        <Stat label="Total output" value={formatNumber(p.totalOutputKj)} unit="kJ" />
        <Stat label="Distance" value={formatNumber(distance?.value)} unit={distance?.unit} />
        <Stat label="Calories" value={formatNumber(p.totalCalories)} unit="kcal" />
        <Stat label="Time pedaling" value={hours === null ? "—" : formatNumber(hours)} unit={hours === null ? undefined : "h"} />
        <Stat label="Weekly streak" value={formatNumber(p.currentWeeklyStreak)} unit="wk" hint={`best ${formatNumber(p.bestWeeklyStreak)} weeks`} />
        <Stat label="Daily streak" value={formatNumber(p.currentDailyStreak)} unit="days" />
        <Stat label="Achievements" value={formatNumber(p.achievementsCount)} />
      </dl>
      <WorkoutCounts counts={p.workoutCounts} testId="workouts-by-discipline" />
    </div>
  );
}
