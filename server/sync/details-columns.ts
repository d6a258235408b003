import "server-only";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { TransformedWorkout, WorkoutRecord } from "@/lib/domain/workout";

/** Plain JSON for Json columns (drops undefined, turns Dates into ISO strings). */
function jsonValue(value: unknown): Prisma.InputJsonValue {
  const plain: Prisma.InputJsonValue = JSON.parse(JSON.stringify(value ?? null));
  return plain;
}

/** For a row that JSON.stringify serializes whole: it drops undefined and writes Dates as ISO strings, as jsonValue does. */
export const serializedLater = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * The WorkoutDetails columns of a transformed workout (pure; shared with tests that stand in for the database).
 * `json` makes the Json columns plain; the batched write passes serializedLater (no copy of every segment and target).
 */
export function detailsColumns(result: TransformedWorkout, json: (value: unknown) => Prisma.InputJsonValue = jsonValue) {
  const s = result.summary;
  return {
    totalOutputKj: s.totalOutputKj,
    distance: s.distance,
    distanceUnit: s.distanceUnit,
    calories: s.calories,
    elevation: s.elevation,
    avgOutput: s.output.avg,
    maxOutput: s.output.max,
    avgCadence: s.cadence.avg,
    maxCadence: s.cadence.max,
    avgResistance: s.resistance.avg,
    maxResistance: s.resistance.max,
    avgSpeed: s.speed.avg,
    maxSpeed: s.speed.max,
    speedUnit: s.speedUnit,
    avgHeartRate: s.heartRate.avg,
    maxHeartRate: s.heartRate.max,
    normalizedPower: s.normalizedPower,
    intensityFactor: s.intensityFactor,
    tss: s.tss,
    ftpUsed: s.ftpUsed,
    pelotonAverages: s.peloton ? json(s.peloton) : Prisma.JsonNull,
    segments: json(result.segments),
    targets: result.targets ? json(result.targets) : Prisma.JsonNull,
  };
}

/** The Workout columns of a synced workout record (the stub insert and the batched write share them). */
export function workoutColumns(w: WorkoutRecord) {
  return {
    rideId: w.pelotonRideId,
    status: w.status,
    discipline: w.discipline,
    title: w.title,
    instructorId: w.instructorId,
    startTime: w.startTime,
    endTime: w.endTime,
    timezone: w.timezone,
    durationSeconds: w.durationSeconds,
    ftp: w.ftp,
    ftpSource: w.ftpSource,
    leaderboardRank: w.leaderboardRank,
    leaderboardTotal: w.leaderboardTotal,
    isOutdoor: w.isOutdoor,
    deviceType: w.deviceType,
    workoutType: w.workoutType,
  };
}
