import "server-only";
import type { Db } from "@/server/db/client";
import type { WorkoutSeries } from "@/lib/domain/series";
import type { ClassSegment, ClassTargets } from "@/lib/domain/targets";
import { isSegments, isTargets, mergeTargets } from "./workout-detail";
import { readStoredSeries } from "./stored-series";

/** What scoring and curves need of a workout, read in batches by the rescoring job and the sync hook (reads only). */
export interface AnalysisInput {
  id: string;
  discipline: string;
  title: string;
  startTime: Date;
  durationSeconds: number | null;
  /** the FTP Peloton recorded with the ride (ftp_info) */
  pelotonFtp: number | null;
  isOutdoor: boolean;
  series: WorkoutSeries | null;
  segments: ClassSegment[];
  targets: ClassTargets | null;
  summary: { distance: number | null; distanceUnit: string | null } | null;
}

/** A workout's JSON columns as stored (or about to be): anything but valid segments/targets counts as none. */
export interface StoredClassPlan {
  segments: unknown;
  targets: unknown;
}

/** What computing analytics reads of a workout: everything but its id (the sync scores a workout before writing it). */
export type AnalysisSubject = Omit<AnalysisInput, "id">;

/**
 * The analysis input of one workout from its columns: the workout's own segments win when it has any, its own targets
 * merge with the class's (mergeTargets). Shared by the reads below and the sync.
 */
export function analysisSubjectOf(
  w: Pick<AnalysisInput, "discipline" | "title" | "startTime" | "durationSeconds" | "isOutdoor" | "series"> & { ftp: number | null },
  details: (StoredClassPlan & { distance: number | null; distanceUnit: string | null }) | null,
  ride: StoredClassPlan | null,
): AnalysisSubject {
  return {
    discipline: w.discipline,
    title: w.title,
    startTime: w.startTime,
    durationSeconds: w.durationSeconds,
    pelotonFtp: w.ftp,
    isOutdoor: w.isOutdoor,
    series: w.series,
    segments: isSegments(details?.segments) && details.segments.length ? details.segments : isSegments(ride?.segments) ? ride.segments : [],
    targets: mergeTargets(isTargets(details?.targets) ? details.targets : null, isTargets(ride?.targets) ? ride.targets : null),
    summary: details ? { distance: details.distance, distanceUnit: details.distanceUnit } : null,
  };
}

export async function readAnalysisInputs(db: Db, userId: string, ids: readonly string[]): Promise<AnalysisInput[]> {
  if (!ids.length) return [];
  const rows = await db.workout.findMany({
    where: { userId, id: { in: [...ids] }, syncState: "complete" },
    include: { details: true, series: true, ride: { select: { targets: true, segments: true } } },
  });
  return rows.map((w) => ({ id: w.id, ...analysisSubjectOf({ ...w, series: readStoredSeries(w.id, w.series) }, w.details, w.ride) }));
}

/** One row per complete workout with what decides whether its analytics are current. */
export interface AnalysisIndexRow {
  id: string;
  startTime: Date;
  discipline: string;
  pelotonFtp: number | null;
  stored: { inputsKey: string; day: string; curveVersion: number } | null;
}

export async function readAnalysisIndex(db: Db, userId: string): Promise<AnalysisIndexRow[]> {
  const rows = await db.workout.findMany({
    where: { userId, syncState: "complete" },
    orderBy: { startTime: "desc" },
    select: { id: true, startTime: true, discipline: true, ftp: true, analytics: { select: { inputsKey: true, day: true, curveVersion: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    startTime: r.startTime,
    discipline: r.discipline,
    pelotonFtp: r.ftp,
    stored: r.analytics ? { inputsKey: r.analytics.inputsKey, day: r.analytics.day.toISOString().slice(0, 10), curveVersion: r.analytics.curveVersion } : null,
  }));
}
