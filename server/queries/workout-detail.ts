import "server-only";
import { getDb } from "@/server/db/client";
import type { ClassSegment, ClassTargets } from "@/lib/domain/targets";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import type { ResolvedThreshold } from "@/lib/domain/thresholds";
import { THRESHOLD_SOURCE_LABEL } from "@/lib/domain/thresholds";
import { localDay } from "@/lib/time/time-zone";
import { readScoringContext } from "./analytics-settings";
import { z } from "zod";
import { readStoredSeries } from "./stored-series";

/** Where an FTP in force came from, for the FTP chip ("from an FTP test", "TrainingPeaks", "yours from 2025-06-01"). */
function ftpOrigin(ftp: ResolvedThreshold, rideFtpSource: string | null, fromRide: boolean): string {
  if (fromRide) return rideFtpSource ?? "peloton";
  const from = ftp.source === "manual" ? `yours from ${ftp.effectiveFrom}` : ftp.source === "ftp_test" ? `FTP test of ${ftp.effectiveFrom}` : `${THRESHOLD_SOURCE_LABEL[ftp.source]} FTP`;
  return ftp.fallback ? `${from}; your FTP source had none for this day` : from;
}

const statSchema = z.object({ avg: z.number().nullable(), max: z.number().nullable() });
const pelotonAveragesSchema = z.object({ output: statSchema, cadence: statSchema, heartRate: statSchema });

export function isTargets(value: unknown): value is ClassTargets {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "powerZones" in value && "cadence" in value;
}

export function isSegments(value: unknown): value is ClassSegment[] {
  return Array.isArray(value) && value.every((s) => typeof s === "object" && s !== null && "start" in s && "end" in s);
}

/**
 * The user's own targets (from their performance graph: their FTP and pace level) win; the class's fill
 * what the graph doesn't carry, such as the pace table needed to resolve pace intensities.
 */
export function mergeTargets(own: ClassTargets | null, ride: ClassTargets | null): ClassTargets | null {
  if (!own) return ride;
  if (!ride) return own;
  return {
    ...own,
    paceIntensity: own.paceIntensity.length ? own.paceIntensity : ride.paceIntensity,
    paceIntensityLevels: own.paceIntensityLevels.length ? own.paceIntensityLevels : ride.paceIntensityLevels,
    expectedOutputKj: own.expectedOutputKj ?? ride.expectedOutputKj,
  };
}

/** The stored WorkoutDetails columns as the page's summary (pure; null before the details are synced). */
export function detailSummary(d: DetailsColumns | null): WorkoutDetailView["summary"] {
  if (!d) return null;
  return {
    totalOutputKj: d.totalOutputKj,
    distance: d.distance,
    distanceUnit: d.distanceUnit,
    calories: d.calories,
    elevation: d.elevation,
    avgOutput: d.avgOutput,
    maxOutput: d.maxOutput,
    avgCadence: d.avgCadence,
    maxCadence: d.maxCadence,
    avgResistance: d.avgResistance,
    maxResistance: d.maxResistance,
    avgSpeed: d.avgSpeed,
    maxSpeed: d.maxSpeed,
    speedUnit: d.speedUnit,
    avgHeartRate: d.avgHeartRate,
    maxHeartRate: d.maxHeartRate,
    normalizedPower: d.normalizedPower,
    intensityFactor: d.intensityFactor,
    tss: d.tss,
    peloton: pelotonAveragesSchema.safeParse(d.pelotonAverages).data ?? null,
  };
}

type WorkoutFields = Pick<WorkoutDetailView, "pelotonWorkoutId" | "title" | "discipline" | "status" | "timezone" | "durationSeconds" | "isOutdoor">;

/** The workout's own columns as the page shows them (pure; shared with tests that stand in for the database). */
export function workoutFields(w: WorkoutFields & { startTime: Date }): WorkoutFields & Pick<WorkoutDetailView, "startTime"> {
  return {
    pelotonWorkoutId: w.pelotonWorkoutId,
    title: w.title,
    discipline: w.discipline,
    status: w.status,
    startTime: w.startTime.toISOString(),
    timezone: w.timezone,
    durationSeconds: w.durationSeconds,
    isOutdoor: w.isOutdoor,
  };
}

type DetailsColumns = Omit<NonNullable<WorkoutDetailView["summary"]>, "peloton"> & { pelotonAverages: unknown };

export async function getWorkoutDetail(userId: string, id: string): Promise<WorkoutDetailView | null> {
  if (!/^[a-z0-9]{10,40}$/i.test(id)) return null;
  const db = await getDb();
  const w = await db.workout.findFirst({
    where: { id, userId },
    include: { details: true, series: true, ride: true, instructor: true },
  });
  if (!w) return null;
  const [scoring, connection, account] = await Promise.all([
    readScoringContext(db, userId),
    db.pelotonConnection.findUnique({ where: { userId }, select: { paceLevel: true } }),
    w.pelotonAccountId ? db.pelotonHistoryAccount.findUnique({ where: { userId_pelotonUserId: { userId, pelotonUserId: w.pelotonAccountId } }, select: { username: true } }) : null,
  ]);
  const day = localDay(w.startTime, scoring.settings.timeZone);
  const thresholds = scoring.resolver.on(day, w.ftp);
  const series = readStoredSeries(w.id, w.series);
  const targets = mergeTargets(isTargets(w.details?.targets) ? w.details.targets : null, isTargets(w.ride?.targets) ? w.ride.targets : null);
  const segments = isSegments(w.details?.segments) && w.details.segments.length ? w.details.segments : isSegments(w.ride?.segments) ? w.ride.segments : [];
  const fromRide = thresholds.ftp?.source === "peloton" && thresholds.ftp.effectiveFrom === day && thresholds.ftp.value === w.ftp;
  const ftp = thresholds.ftp ? { watts: Math.round(thresholds.ftp.value), source: ftpOrigin(thresholds.ftp, w.ftpSource, fromRide) } : null;
  const d = w.details;
  return {
    id: w.id,
    ...workoutFields(w),
    otherAccount: w.pelotonAccountId ? { username: account?.username ?? null } : null,
    syncState: w.syncState,
    syncError: w.syncError,
    instructor: w.instructor ? { id: w.instructor.id, name: w.instructor.name, imageUrl: w.instructor.imageUrl } : null,
    ride: w.ride
      ? {
          id: w.ride.id,
          title: w.ride.title,
          description: w.ride.description,
          durationSeconds: w.ride.durationSeconds,
          difficulty: w.ride.difficulty,
          originalAirTime: w.ride.originalAirTime?.toISOString() ?? null,
          classTypes: w.ride.classTypes,
          isPowerZone: w.ride.isPowerZone,
          imageUrl: w.ride.imageUrl,
        }
      : null,
    ftp,
    leaderboard: w.leaderboardRank ? { rank: w.leaderboardRank, total: w.leaderboardTotal } : null,
    summary: detailSummary(d),
    series,
    targets,
    segments,
    heartRate: { maxHr: thresholds.maxHr?.value ?? null, lthr: thresholds.thresholdHr?.value ?? null },
    paceLevel: connection?.paceLevel ?? null,
    day,
    thresholds,
  };
}
