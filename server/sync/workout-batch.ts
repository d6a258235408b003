import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { TransformedWorkout } from "@/lib/domain/workout";
import { encodeSeries } from "../db/series-codec";
import { analyzeSyncedWorkouts } from "@/server/analytics/sync-hooks";
import { detailsColumns, workoutColumns } from "./details-columns";

/*
 * Phase 2's write: a chunk of fetched workouts in ONE statement (data-modifying CTEs over a single JSON parameter):
 * the Workout rows upserted on (userId, pelotonWorkoutId) and marked complete, their WorkoutDetails and WorkoutSeries
 * upserted on workoutId (a workout without samples loses any old series). One statement is atomic on its own, so a
 * crash leaves either the whole chunk written or none of it; re-running a chunk rewrites the same rows, never adds any.
 */

/** [column, SQL type] of Workout as the sync writes it (the keys of the JSON rows are the column names). */
const WORKOUT_COLUMNS = [
  ["rideId", "text"], ["status", "text"], ["discipline", "text"], ["title", "text"], ["instructorId", "text"],
  ["startTime", "timestamptz"], ["endTime", "timestamptz"], ["timezone", "text"], ["durationSeconds", "int"], ["ftp", "int"],
  ["ftpSource", "text"], ["leaderboardRank", "int"], ["leaderboardTotal", "int"], ["isOutdoor", "boolean"], ["deviceType", "text"],
  ["workoutType", "text"], ["rankOutput", "float8"], ["rankTss", "float8"],
] as const;

const DETAIL_COLUMNS = [
  ["totalOutputKj", "float8"], ["distance", "float8"], ["distanceUnit", "text"], ["calories", "float8"], ["elevation", "float8"],
  ["avgOutput", "float8"], ["maxOutput", "float8"], ["avgCadence", "float8"], ["maxCadence", "float8"], ["avgResistance", "float8"],
  ["maxResistance", "float8"], ["avgSpeed", "float8"], ["maxSpeed", "float8"], ["speedUnit", "text"], ["avgHeartRate", "float8"],
  ["maxHeartRate", "float8"], ["normalizedPower", "float8"], ["intensityFactor", "float8"], ["tss", "float8"], ["ftpUsed", "int"],
  ["pelotonAverages", "jsonb"], ["segments", "jsonb"], ["targets", "jsonb"],
] as const;

const q = (column: string) => `"${column}"`;
const list = (columns: readonly (readonly [string, string])[], each: (column: string, type: string) => string) =>
  columns.map(([column, type]) => each(column, type)).join(", ");

// Workout timestamps are `timestamp(3)` in UTC; a JSON null becomes SQL NULL, so the Json columns get JSON null back.
function fromX(column: string, type: string): string {
  if (type === "timestamptz") return `(x.${q(column)} AT TIME ZONE 'UTC')`;
  if (column === "isOutdoor") return `COALESCE(x.${q(column)}, false)`;
  if (column === "segments") return `COALESCE(x.${q(column)}, '[]'::jsonb)`;
  if (type === "jsonb") return `COALESCE(x.${q(column)}, 'null'::jsonb)`;
  return `x.${q(column)}`;
}

const RECORD = `x(uid text, pid text, nid text, ${list([...WORKOUT_COLUMNS, ...DETAIL_COLUMNS], (c, t) => `${q(c)} ${t}`)}, iv int, samples int, channels json, data text)`;
const NOW = `(now() AT TIME ZONE 'UTC')`;
const JOIN_X = `JOIN x ON x.uid = w."userId" AND x.pid = w."pelotonWorkoutId"`;

const [HEAD, TAIL] = [`
WITH x AS (SELECT * FROM json_to_recordset(
`, `::json) AS ${RECORD}),
w AS (
  INSERT INTO "Workout" ("id", "userId", "pelotonWorkoutId", ${list(WORKOUT_COLUMNS, q)}, "syncState", "syncError", "syncedAt", "updatedAt")
  SELECT x.nid, x.uid, x.pid, ${list(WORKOUT_COLUMNS, fromX)}, 'complete'::"WorkoutSyncState", NULL, ${NOW}, ${NOW}
  FROM x ORDER BY x.uid, x.pid
  ON CONFLICT ("userId", "pelotonWorkoutId") DO UPDATE SET ${list(WORKOUT_COLUMNS, (c) => `${q(c)} = EXCLUDED.${q(c)}`)},
    "syncState" = EXCLUDED."syncState", "syncError" = NULL, "syncedAt" = EXCLUDED."syncedAt", "updatedAt" = EXCLUDED."updatedAt"
  RETURNING "id", "userId", "pelotonWorkoutId"
),
d AS (
  INSERT INTO "WorkoutDetails" ("workoutId", ${list(DETAIL_COLUMNS, q)})
  SELECT w.id, ${list(DETAIL_COLUMNS, fromX)} FROM w ${JOIN_X} ORDER BY w.id
  ON CONFLICT ("workoutId") DO UPDATE SET ${list(DETAIL_COLUMNS, (c) => `${q(c)} = EXCLUDED.${q(c)}`)}
),
s AS (
  INSERT INTO "WorkoutSeries" ("workoutId", "intervalSeconds", "samples", "channels", "data")
  SELECT w.id, x.iv, x.samples, ARRAY(SELECT json_array_elements_text(x.channels)), decode(x.data, 'base64')
  FROM w ${JOIN_X} WHERE x.data IS NOT NULL ORDER BY w.id
  ON CONFLICT ("workoutId") DO UPDATE SET "intervalSeconds" = EXCLUDED."intervalSeconds", "samples" = EXCLUDED."samples",
    "channels" = EXCLUDED."channels", "data" = EXCLUDED."data"
),
gone AS (
  DELETE FROM "WorkoutSeries" ws USING w ${JOIN_X} WHERE ws."workoutId" = w.id AND x.data IS NULL
)
SELECT w.id, w."userId", w."pelotonWorkoutId" FROM w`].map((part) => Prisma.raw(part));

export interface WorkoutToSave {
  userId: string;
  result: TransformedWorkout;
}

export interface SavedWorkout {
  userId: string;
  pelotonWorkoutId: string;
  workoutId: string;
  /** bytes of the stored series (0 without samples) */
  seriesBytes: number;
}

/** Plain JSON for the Json columns (Prisma's JSON-null marker becomes null, which the statement stores as JSON null). */
function plainDetails(result: TransformedWorkout): Record<string, unknown> {
  const details: Record<string, unknown> = { ...detailsColumns(result) };
  for (const [key, value] of Object.entries(details)) if (value === Prisma.JsonNull) details[key] = null;
  return details;
}

/** Writes the chunk in one statement; a workout listed twice is written once (its last version). */
export async function writeWorkoutBatch(db: Db, items: readonly WorkoutToSave[]): Promise<SavedWorkout[]> {
  const latest = new Map<string, WorkoutToSave>();
  for (const item of items) latest.set(`${item.userId}\u0000${item.result.workout.pelotonWorkoutId}`, item);
  const bytes = new Map<string, number>();
  const rows = [...latest.values()].map(({ userId, result }) => {
    const w = result.workout;
    const encoded = result.series && result.series.length > 0 ? encodeSeries(result.series) : null;
    bytes.set(`${userId}\u0000${w.pelotonWorkoutId}`, encoded?.byteLength ?? 0);
    return {
      uid: userId,
      pid: w.pelotonWorkoutId,
      nid: randomUUID().replaceAll("-", ""),
      ...workoutColumns(w),
      rankOutput: result.summary.totalOutputKj ?? -1,
      rankTss: result.summary.tss ?? -1,
      ...plainDetails(result),
      iv: encoded && result.series ? result.series.intervalSeconds : null,
      samples: encoded && result.series ? result.series.length : null,
      channels: encoded && result.series ? Object.keys(result.series.channels) : null,
      data: encoded ? Buffer.from(encoded).toString("base64") : null,
    };
  });
  const written = await db.$queryRaw<{ id: string; userId: string; pelotonWorkoutId: string }[]>`${HEAD}${JSON.stringify(rows)}${TAIL}`;
  return written.map((r) => ({
    userId: r.userId,
    pelotonWorkoutId: r.pelotonWorkoutId,
    workoutId: r.id,
    seriesBytes: bytes.get(`${r.userId}\u0000${r.pelotonWorkoutId}`) ?? 0,
  }));
}

/**
 * Phase 2: the full workout (record, summary, series), marked complete. Saves are group-committed: while one chunk is
 * being written, the saves that arrive meanwhile (every worker of every step in this process) queue up and go out
 * together as the next chunk, one statement for all of them (workout-batch.ts). A chunk that fails is retried one
 * workout at a time, so a bad workout fails alone. Resolves with the stored series bytes once the workout is written
 * and analysed.
 */
export function saveWorkout(db: Db, userId: string, result: TransformedWorkout): Promise<number> {
  return new Promise((resolve, reject) => {
    const queue = writeQueue(db);
    queue.waiting.push({ userId, result, resolve, reject });
    if (!queue.writing) void drain(db, queue);
  });
}

interface QueuedSave extends WorkoutToSave {
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Workouts per statement: large enough to amortise, small enough to keep one statement short. */
const MAX_CHUNK = 50;
const queues = new WeakMap<Db, { waiting: QueuedSave[]; writing: boolean }>();

function writeQueue(db: Db) {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], writing: false }));
  return queue;
}

async function drain(db: Db, queue: { waiting: QueuedSave[]; writing: boolean }): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length) {
      const chunk = queue.waiting.splice(0, MAX_CHUNK);
      try {
        await writeChunk(db, chunk);
      } catch {
        // Which workout broke the chunk is unknown: each one alone, so only that one fails.
        for (const item of chunk) await writeChunk(db, [item]).catch(item.reject);
      }
    }
  } finally {
    queue.writing = false;
  }
}

async function writeChunk(db: Db, chunk: QueuedSave[]): Promise<void> {
  const saved = await writeWorkoutBatch(db, chunk);
  const byKey = new Map(saved.map((s) => [`${s.userId}\u0000${s.pelotonWorkoutId}`, s]));
  // Analytics hook (server/analytics): scores and mean-maximal curves per user; it never fails the sync.
  const users = new Map<string, string[]>();
  for (const s of saved) users.set(s.userId, [...(users.get(s.userId) ?? []), s.workoutId]);
  for (const [userId, ids] of users) await analyzeSyncedWorkouts(db, userId, ids);
  for (const item of chunk) {
    const written = byKey.get(`${item.userId}\u0000${item.result.workout.pelotonWorkoutId}`);
    if (written) item.resolve(written.seriesBytes);
    else item.reject(new Error(`workout ${item.result.workout.pelotonWorkoutId} was not written`));
  }
}
