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

export async function readAnalysisInputs(db: Db, userId: string, ids: readonly string[]): Promise<AnalysisInput[]> {
  if (!ids.length) return [];
  const rows = await db.workout.findMany({
    where: { userId, id: { in: [...ids] }, syncState: "complete" },
    include: { details: true, series: true, ride: { select: { targets: true, segments: true } } },
  });
  return rows.map((w) => {
    const series = readStoredSeries(w.id, w.series);
    const d = w.details;
    return {
      id: w.id,
      discipline: w.discipline,
      title: w.title,
      startTime: w.startTime,
      durationSeconds: w.durationSeconds,
      pelotonFtp: w.ftp,
      isOutdoor: w.isOutdoor,
      series,
      segments: isSegments(d?.segments) && d.segments.length ? d.segments : isSegments(w.ride?.segments) ? w.ride.segments : [],
      targets: mergeTargets(isTargets(d?.targets) ? d.targets : null, isTargets(w.ride?.targets) ? w.ride.targets : null),
      summary: d ? { distance: d.distance, distanceUnit: d.distanceUnit } : null,
    };
  });
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
