import "server-only";
import { pelotonWorkoutToActivity } from "@/server/fit/from-workout";
import type { Activity } from "@/lib/domain/activity";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { getWorkoutDetail } from "./workout-detail";

/** A synced workout as an Activity (1 Hz, SI units, laps from class segments), for FIT/TCX files and comparisons. */
export function toWorkoutActivity(view: WorkoutDetailView): Activity {
  return pelotonWorkoutToActivity({
    title: view.title,
    discipline: view.discipline,
    startTime: new Date(view.startTime),
    durationSeconds: view.durationSeconds,
    ftp: view.ftp?.watts ?? null,
    series: view.series,
    segments: view.segments,
    isOutdoor: view.isOutdoor,
    summary: view.summary
      ? { distance: view.summary.distance, distanceUnit: view.summary.distanceUnit, calories: view.summary.calories, totalOutputKj: view.summary.totalOutputKj }
      : null,
    thresholds: view.thresholds,
  });
}

/** The user's workout as an Activity; null when it is not theirs or has no samples (nothing to put in a file). */
export async function loadWorkoutActivity(userId: string, workoutId: string): Promise<Activity | null> {
  const view = await getWorkoutDetail(userId, workoutId);
  return view?.series && view.series.length > 0 ? toWorkoutActivity(view) : null;
}
