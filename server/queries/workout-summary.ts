import "server-only";
import { activityFigures } from "@/lib/metrics/activity";
import { summaryStats, type WorkoutPageSummary } from "@/lib/metrics/workout-summary";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { toWorkoutActivity } from "./workout-activity";

/**
 * The workout page's summary: the figures of the same Activity that the FIT/TCX export writes and the comparison
 * compares (toWorkoutActivity), by the same function (activityFigures), with the FTP the page shows, in the user's
 * unit system.
 */

export function workoutPageSummary(view: WorkoutDetailView, units: UnitsSetting): WorkoutPageSummary | null {
  const s = view.summary;
  if (!s) return null;
  const figures = activityFigures(toWorkoutActivity(view), view.ftp?.watts ?? null);
  const reported = {
    distanceUnit: s.distanceUnit,
    avgResistance: s.avgResistance,
    maxResistance: s.maxResistance,
    avgSpeed: s.avgSpeed,
    maxSpeed: s.maxSpeed,
    speedUnit: s.speedUnit,
    elevation: s.elevation,
    peloton: s.peloton,
  };
  return { figures, stats: summaryStats({ figures, discipline: view.discipline, reported, ftpWatts: view.ftp?.watts ?? null, units }) };
}
