import type { TransformedWorkout } from "@/lib/domain/workout";
import { decodeSeries, encodeSeries } from "@/server/db/series-codec";
import { detailsColumns } from "@/server/sync/details-columns";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { NO_THRESHOLDS } from "@/lib/domain/thresholds";
import { detailSummary, workoutFields } from "../workout-detail";

/**
 * A transformed workout as the workout page would read it back after a sync, without a database: the details
 * columns the sync writes (detailsColumns), read back by the page's own mappings (workoutFields, detailSummary), and the series
 * through the storage codec. FTP: the workout's own (ftp_info) unless given.
 */
export function syncedView(t: TransformedWorkout, opts: { ftp?: number | null; rideSeconds?: number | null } = {}): WorkoutDetailView {
  const w = t.workout;
  const ftp = opts.ftp === undefined ? w.ftp : opts.ftp;
  const series = t.series && t.series.length > 0 ? decodeSeries(encodeSeries(t.series)) : null;
  return {
    id: `view${w.pelotonWorkoutId.slice(0, 12)}`,
    ...workoutFields(w),
    otherAccount: null,
    syncState: "complete",
    syncError: null,
    instructor: null,
    ride: opts.rideSeconds
      ? { id: w.pelotonRideId ?? "ride", title: w.title, description: null, durationSeconds: opts.rideSeconds, difficulty: null, originalAirTime: null, classTypes: [], isPowerZone: false, imageUrl: null }
      : null,
    ftp: ftp ? { watts: ftp, source: w.ftpSource ?? "peloton" } : null,
    leaderboard: null,
    summary: detailSummary(detailsColumns(t)),
    series,
    targets: t.targets ?? null,
    segments: t.segments,
    heartRate: { maxHr: null, lthr: null },
    paceLevel: null,
    day: w.startTime.toISOString().slice(0, 10),
    thresholds: NO_THRESHOLDS,
  };
}
