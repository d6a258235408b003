import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import type { WorkoutSeries } from "@/lib/domain/series";
import { decodeSeries } from "@/server/db/series-codec";
import { log } from "@/server/log";

/** A workout's stored samples, or null when it has none or they cannot be decoded (logged; the page still shows). */
export function readStoredSeries(workoutId: string, stored: { data: Uint8Array } | null): WorkoutSeries | null {
  if (!stored) return null;
  try {
    return decodeSeries(new Uint8Array(stored.data));
  } catch (error) {
    if (!isAppError(error, "storage.corrupt")) throw error;
    log.error("workout.series.corrupt", { workoutId, error });
    return null;
  }
}
