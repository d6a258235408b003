import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { InstructorRecord, RideRecord } from "@/lib/domain/workout";
import type { StoredClassPlan } from "@/server/queries/workout-analysis-input";
import type { ListedWorkout } from "./source";
import { workoutColumns } from "./details-columns";

export { flushSaves, saveWorkout } from "./workout-batch";

/**
 * Idempotent writes keyed on Peloton ids: re-running any of these, or crashing half-way, never loses
 * or duplicates a row.
 */

/** Plain JSON for Json columns (drops undefined, turns Dates into ISO strings). */
function jsonValue(value: unknown): Prisma.InputJsonValue {
  const plain: Prisma.InputJsonValue = JSON.parse(JSON.stringify(value ?? null));
  return plain;
}

/*
 * Instructor rows this process wrote lately, per database, with what it wrote (null: a stub of unknown content). A
 * sync meets the same few dozen instructors in every step, they change rarely and their rows are never deleted, so
 * writing the same again within the hour is skipped.
 */
const INSTRUCTOR_FRESH_MS = 60 * 60_000;
const MAX_REMEMBERED_INSTRUCTORS = 5_000;
const instructorsWritten = new WeakMap<Db, Map<string, { data: string | null; at: number }>>();

function writtenInstructors(db: Db): Map<string, { data: string | null; at: number }> {
  let written = instructorsWritten.get(db);
  if (!written) instructorsWritten.set(db, (written = new Map()));
  return written;
}

function rememberInstructor(db: Db, id: string, data: string | null): void {
  const written = writtenInstructors(db);
  if (written.size >= MAX_REMEMBERED_INSTRUCTORS) written.clear();
  written.set(id, { data, at: Date.now() });
}

function instructorWritten(db: Db, id: string, data?: string): boolean {
  const seen = writtenInstructors(db).get(id);
  if (!seen || Date.now() - seen.at > INSTRUCTOR_FRESH_MS) return false;
  return data === undefined || seen.data === data;
}

export async function upsertInstructors(db: Db, instructors: InstructorRecord[]): Promise<void> {
  const unique = new Map(instructors.map((i) => [i.pelotonId, i]));
  for (const i of unique.values()) {
    const data = { name: i.name, imageUrl: i.imageUrl, disciplines: i.disciplines, bio: i.bio };
    const written = JSON.stringify(data);
    if (instructorWritten(db, i.pelotonId, written)) continue;
    // Remembered before the write, so concurrent workers meeting the same instructor do not write it twice.
    rememberInstructor(db, i.pelotonId, written);
    try {
      await db.instructor.upsert({ where: { id: i.pelotonId }, create: { id: i.pelotonId, ...data }, update: data });
    } catch (error) {
      writtenInstructors(db).delete(i.pelotonId);
      throw error;
    }
  }
}

/*
 * Stub inserts from list pages read in parallel can overlap (the same class or instructor on two pages). Concurrent
 * INSERT … ON CONFLICT DO NOTHING statements that take the same unique keys in different orders deadlock on
 * PostgreSQL (40P01), so every bulk stub insert goes in key order: one statement then simply waits for the other.
 */
const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Instructors referenced by listed workouts, created if unknown (never overwriting richer data). */
async function ensureInstructorStubs(db: Db, items: ListedWorkout[]): Promise<void> {
  const stubs = new Map<string, InstructorRecord>();
  for (const item of items) if (item.instructor) stubs.set(item.instructor.pelotonId, item.instructor);
  if (!stubs.size) return;
  await db.instructor.createMany({
    data: [...stubs.values()].sort(byKey((i) => i.pelotonId)).map((i) => ({ id: i.pelotonId, name: i.name, imageUrl: i.imageUrl, disciplines: i.disciplines, bio: i.bio })),
    skipDuplicates: true,
  });
}

/**
 * Bulk stub inserts go through one `INSERT … SELECT FROM json_to_recordset(…) ON CONFLICT DO NOTHING`: a
 * single JSON parameter instead of ~20 bound parameters per row, which is what made Prisma's createMany
 * the slowest part of listing (≈ 100 ms per page of 100).
 */
async function ensureRideStubs(db: Db, items: ListedWorkout[]): Promise<void> {
  const rides = new Map<string, NonNullable<ListedWorkout["ride"]>>();
  for (const item of items) if (item.ride) rides.set(item.ride.id, item.ride);
  if (!rides.size) return;
  const json = JSON.stringify([...rides.values()].map((r) => ({ id: r.id, title: r.title, dur: r.durationSeconds, discipline: r.discipline, instructor: r.instructorId })));
  await db.$executeRaw`
    INSERT INTO "RideDetail" ("id", "title", "durationSeconds", "discipline", "instructorId", "classTypes", "updatedAt")
    SELECT x.id, x.title, x.dur, x.discipline, x.instructor, ARRAY[]::text[], (now() AT TIME ZONE 'UTC')
    FROM json_to_recordset(${json}::json) AS x(id text, title text, dur int, discipline text, instructor text)
    ORDER BY x.id
    ON CONFLICT ("id") DO NOTHING`;
}


async function insertStubRows(db: Db, userId: string, items: ListedWorkout[]): Promise<void> {
  const json = JSON.stringify(
    items.map(({ record: w }) => ({
      id: randomUUID().replaceAll("-", ""),
      pid: w.pelotonWorkoutId,
      ride: w.pelotonRideId,
      status: w.status,
      discipline: w.discipline,
      title: w.title,
      instructor: w.instructorId,
      start: w.startTime.toISOString(),
      finish: w.endTime?.toISOString() ?? null,
      tz: w.timezone,
      dur: w.durationSeconds,
      ftp: w.ftp,
      ftpsrc: w.ftpSource,
      rank: w.leaderboardRank,
      total: w.leaderboardTotal,
      outdoor: w.isOutdoor,
      device: w.deviceType,
      wtype: w.workoutType,
    })),
  );
  await db.$executeRaw`
    INSERT INTO "Workout" ("id", "userId", "pelotonWorkoutId", "rideId", "status", "discipline", "title", "instructorId", "startTime", "endTime",
      "timezone", "durationSeconds", "ftp", "ftpSource", "leaderboardRank", "leaderboardTotal", "isOutdoor", "deviceType", "workoutType", "updatedAt")
    SELECT x.id, ${userId}, x.pid, x.ride, x.status, x.discipline, x.title, x.instructor, (x.start AT TIME ZONE 'UTC'), (x.finish AT TIME ZONE 'UTC'),
      x.tz, x.dur, x.ftp, x.ftpsrc, x.rank, x.total, COALESCE(x.outdoor, false), x.device, x.wtype, (now() AT TIME ZONE 'UTC')
    FROM json_to_recordset(${json}::json) AS x(id text, pid text, ride text, status text, discipline text, title text, instructor text,
      start timestamptz, finish timestamptz, tz text, dur int, ftp int, ftpsrc text, rank int, total int, outdoor boolean, device text, wtype text)
    ORDER BY x.pid
    ON CONFLICT ("userId", "pelotonWorkoutId") DO NOTHING`;
}

/**
 * Phase 1: workout stubs from a list page, inserted at once so the history shows early.
 * Returns how many were new and whether an already-complete workout was met (incremental stop).
 */
export async function insertWorkoutStubs(db: Db, userId: string, items: ListedWorkout[]): Promise<{ inserted: number; knownComplete: number }> {
  if (!items.length) return { inserted: 0, knownComplete: 0 };
  await ensureInstructorStubs(db, items);
  await ensureRideStubs(db, items);
  const ids = items.map((i) => i.record.pelotonWorkoutId);
  const existing = await db.workout.findMany({
    where: { userId, pelotonWorkoutId: { in: ids } },
    select: { pelotonWorkoutId: true, status: true, syncState: true },
  });
  const known = new Map(existing.map((e) => [e.pelotonWorkoutId, e]));
  const fresh = items.filter((i) => !known.has(i.record.pelotonWorkoutId));
  if (fresh.length) await insertStubRows(db, userId, fresh);
  // A workout that was in progress last time and has finished since is fetched again.
  const reopened = items.filter((i) => known.get(i.record.pelotonWorkoutId)?.status === "IN_PROGRESS" && i.record.status !== "IN_PROGRESS");
  for (const item of reopened) {
    await db.workout.updateMany({
      where: { userId, pelotonWorkoutId: item.record.pelotonWorkoutId },
      data: { ...workoutColumns(item.record), syncState: "pending" },
    });
  }
  const knownComplete = existing.filter((e) => e.syncState === "complete" && e.status === "COMPLETE").length;
  return { inserted: fresh.length, knownComplete };
}

/** Stores the class's details; returns its segments and targets as stored. */
export async function saveRide(db: Db, ride: RideRecord): Promise<StoredClassPlan> {
  const data = {
    title: ride.title,
    description: ride.description,
    durationSeconds: ride.durationSeconds,
    pedalingStartOffset: ride.pedalingStartOffset,
    difficulty: ride.difficulty,
    instructorId: ride.instructorId,
    discipline: ride.discipline,
    classTypes: ride.classTypes,
    isPowerZone: ride.isPowerZone,
    isFtpTest: ride.isFtpTest,
    imageUrl: ride.imageUrl,
    originalAirTime: ride.originalAirTime,
    segments: jsonValue(ride.segments),
    targets: jsonValue(ride.targets),
    detailsFetchedAt: new Date(),
  };
  if (ride.instructorId && !instructorWritten(db, ride.instructorId)) {
    await db.instructor.createMany({ data: [{ id: ride.instructorId, name: "Unknown instructor", disciplines: [] }], skipDuplicates: true });
    rememberInstructor(db, ride.instructorId, null);
  }
  await db.rideDetail.upsert({ where: { id: ride.pelotonRideId }, create: { id: ride.pelotonRideId, ...data }, update: data });
  return { segments: data.segments, targets: data.targets };
}

/** Failed attempts at one workout's details within a job before it is given up on (transient faults get retried). */
export const MAX_WORKOUT_ATTEMPTS = 3;

/**
 * Phase 2: one failed attempt at a workout's details. Only a workout that is still pending is touched: a step
 * that lost its lease (a frozen process coming back late) must never mark failed a workout that another step
 * completed meanwhile. The workout stays pending, so a later chunk tries it again, until MAX_WORKOUT_ATTEMPTS
 * attempts have failed: a 5xx burst or a dropped connection that outlasts one request's retries costs an
 * attempt, not the workout.
 */
export async function markWorkoutFailed(db: Db, userId: string, pelotonWorkoutId: string, message: string): Promise<void> {
  const pending = { userId, pelotonWorkoutId, syncState: "pending" as const };
  await db.workout.updateMany({ where: pending, data: { syncError: message.slice(0, 500), syncAttempts: { increment: 1 } } });
  await db.workout.updateMany({ where: { ...pending, syncAttempts: { gte: MAX_WORKOUT_ATTEMPTS } }, data: { syncState: "failed" } });
}

/**
 * A listed workout Peloton no longer has (deleted there since it was listed): its stub is removed, so the history and
 * the sync's counts match Peloton's. A workout synced in full is never removed here.
 */
export async function dropGoneWorkout(db: Db, userId: string, pelotonWorkoutId: string): Promise<void> {
  await db.workout.deleteMany({ where: { userId, pelotonWorkoutId, syncState: { not: "complete" } } });
}
