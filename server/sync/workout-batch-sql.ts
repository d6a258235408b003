import "server-only";
import { Prisma } from "@/server/db/generated/prisma/client";

/*
 * Phase 2's write: a chunk of fetched workouts in ONE statement (data-modifying CTEs over a single JSON parameter):
 * the Workout rows upserted on (userId, pelotonWorkoutId) and marked complete, their WorkoutDetails and WorkoutSeries
 * upserted on workoutId (a workout without samples loses any old series), and their WorkoutAnalytics upserted on
 * workoutId (a workout written without analytics loses any old row, so the analytics job computes it again: an old
 * row left in place looked current to the job while the workout's TSS sort key no longer matched it).
 * One statement is atomic on its own, so a crash leaves either the whole chunk written or none of it; re-running a
 * chunk rewrites the same rows, never adds any.
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

/** WorkoutAnalytics as server/analytics/compute.ts analyticsColumns() gives it (curves as base64, the day as YYYY-MM-DD). */
const ANALYTICS_COLUMNS = [
  ["day", "date"], ["score", "float8"], ["scoreMethod", "text"], ["intensity", "float8"], ["thresholdKind", "text"],
  ["thresholdValue", "float8"], ["thresholdSource", "text"], ["perHour", "float8"], ["scoredSeconds", "int"], ["inputsKey", "text"],
  ["compliance", "float8"], ["powerCurve", "text"], ["speedCurve", "text"], ["curveVersion", "int"],
] as const;

const q = (column: string) => `"${column}"`;
const list = (columns: readonly (readonly [string, string])[], each: (column: string, type: string) => string) =>
  columns.map(([column, type]) => each(column, type)).join(", ");

// Workout timestamps are `timestamp(3)` in UTC; a JSON null becomes SQL NULL, so the Json columns get JSON null back.
function fromX(column: string, type: string): string {
  if (type === "timestamptz") return `(x.${q(column)} AT TIME ZONE 'UTC')`;
  if (column === "isOutdoor") return `COALESCE(x.${q(column)}, false)`;
  if (column === "segments") return `COALESCE(x.${q(column)}, '[]'::jsonb)`;
  if (column === "scoreMethod") return `x.${q(column)}::"ScoreMethod"`;
  if (column.endsWith("Curve")) return `decode(x.${q(column)}, 'base64')`;
  if (type === "jsonb") return `COALESCE(x.${q(column)}, 'null'::jsonb)`;
  return `x.${q(column)}`;
}

const RECORD = `x(uid text, pid text, nid text, ${list([...WORKOUT_COLUMNS, ...DETAIL_COLUMNS, ...ANALYTICS_COLUMNS], (c, t) => `${q(c)} ${t}`)}, iv int, samples int, channels json, data text)`;
const NOW = `(now() AT TIME ZONE 'UTC')`;
const JOIN_X = `JOIN x ON x.uid = w."userId" AND x.pid = w."pelotonWorkoutId"`;
const update = (columns: readonly (readonly [string, string])[]) => list(columns, (c) => `${q(c)} = EXCLUDED.${q(c)}`);

export const [WORKOUT_BATCH_HEAD, WORKOUT_BATCH_TAIL] = [`
WITH x AS (SELECT * FROM json_to_recordset(
`, `::json) AS ${RECORD}),
w AS (
  INSERT INTO "Workout" ("id", "userId", "pelotonWorkoutId", ${list(WORKOUT_COLUMNS, q)}, "syncState", "syncError", "syncedAt", "updatedAt")
  SELECT x.nid, x.uid, x.pid, ${list(WORKOUT_COLUMNS, fromX)}, 'complete'::"WorkoutSyncState", NULL, ${NOW}, ${NOW}
  FROM x ORDER BY x.uid, x.pid
  ON CONFLICT ("userId", "pelotonWorkoutId") DO UPDATE SET ${update(WORKOUT_COLUMNS)},
    "syncState" = EXCLUDED."syncState", "syncError" = NULL, "syncedAt" = EXCLUDED."syncedAt", "updatedAt" = EXCLUDED."updatedAt"
  RETURNING "id", "userId", "pelotonWorkoutId"
),
d AS (
  INSERT INTO "WorkoutDetails" ("workoutId", ${list(DETAIL_COLUMNS, q)})
  SELECT w.id, ${list(DETAIL_COLUMNS, fromX)} FROM w ${JOIN_X} ORDER BY w.id
  ON CONFLICT ("workoutId") DO UPDATE SET ${update(DETAIL_COLUMNS)}
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
),
stale AS (
  DELETE FROM "WorkoutAnalytics" wa USING w ${JOIN_X} WHERE wa."workoutId" = w.id AND x.score IS NULL
),
a AS (
  INSERT INTO "WorkoutAnalytics" ("workoutId", "userId", "startTime", ${list(ANALYTICS_COLUMNS, q)}, "computedAt")
  SELECT w.id, x.uid, ${fromX("startTime", "timestamptz")}, ${list(ANALYTICS_COLUMNS, fromX)}, ${NOW}
  FROM w ${JOIN_X} WHERE x.score IS NOT NULL ORDER BY w.id
  ON CONFLICT ("workoutId") DO UPDATE SET "userId" = EXCLUDED."userId", "startTime" = EXCLUDED."startTime", ${update(ANALYTICS_COLUMNS)},
    "computedAt" = EXCLUDED."computedAt"
)
SELECT w.id, w."userId", w."pelotonWorkoutId" FROM w`].map((part) => Prisma.raw(part));
