import "server-only";
import { pelotonWorkoutToActivity } from "@/lib/fit/from-peloton";
import type { Activity } from "@/lib/fit/types";
import { getWorkoutDetail } from "@/lib/queries/workout-detail";

/** A synced workout as an Activity (1 Hz, SI units, laps from class segments); null when not the user's or no samples. */
export async function loadWorkoutActivity(userId: string, workoutId: string): Promise<Activity | null> {
  const view = await getWorkoutDetail(userId, workoutId);
  if (!view?.series || view.series.length === 0) return null;
  return pelotonWorkoutToActivity({
    title: view.title,
    discipline: view.discipline,
    startTime: new Date(view.startTime),
    durationSeconds: view.durationSeconds,
    ftp: view.ftp?.watts ?? null,
    series: view.series,
    segments: view.segments,
    summary: view.summary ? { distance: view.summary.distance, distanceUnit: view.summary.distanceUnit } : null,
  });
}
