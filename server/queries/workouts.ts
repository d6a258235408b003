import "server-only";
import type { ScoreMethod } from "@/lib/domain/analytics";
import { getUserTimeZone } from "./user-time-zone";
import { metersPer } from "@/lib/format/units";
import { getDb } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { HistoryFacets, HistoryFilters, HistoryPage, HistorySort } from "@/lib/domain/workout-history";
import { cursorValue, decodeCursor, encodeCursor, filterSql, sortColumn, sortSegments, type Cursor } from "./history-sql";

/**
 * The workout history: keyset pagination (never OFFSET) both ways, every filter in SQL, always scoped to the
 * signed-in user. Sorts by date, output or TSS with the workout id as the tie-breaker; workouts without the sorted
 * value come last whichever the direction (server/queries/history-sql.ts).
 */

interface Row {
  id: string;
  startTime: Date;
  timezone: string | null;
  title: string;
  instructor: string | null;
  discipline: string;
  durationSeconds: number | null;
  rideSeconds: number | null;
  classTypes: string[] | null;
  outputKj: number | null;
  tss: number | null;
  scoreMethod: ScoreMethod | null;
  avgHeartRate: number | null;
  distance: number | null;
  distanceUnit: string | null;
  syncState: "pending" | "complete" | "failed";
  status: string;
  rankOutput: number;
  rankTss: number;
  accountId: string | null;
  accountName: string | null;
}

/** Peloton's distance in its unit (mi, km or m; mi when it gave none, as the calendar reads it) in metres. */
function metresOf(distance: number | null, unit: string | null): number | null {
  const perUnit = metersPer(unit ?? "mi");
  return distance !== null && distance > 0 && perUnit !== null ? distance * perUnit : null;
}

function cursorOf(sort: HistorySort, row: Row): string {
  return encodeCursor({ v: sort === "output" ? row.rankOutput : sort === "tss" ? row.rankTss : row.startTime.getTime(), id: row.id });
}

/** Up to `want` rows after (or, backwards, before) `cursor` in the sort order, reading the sort's segments in turn. */
async function readRows(userId: string, f: HistoryFilters, cursor: Cursor | null, forward: boolean, want: number): Promise<Row[]> {
  const db = await getDb();
  const key = sortColumn(f.sort);
  const segments = sortSegments(f.sort, f.dir);
  const at = cursor ? Math.max(0, segments.findIndex((s) => s.holds(cursor.v))) : forward ? 0 : segments.length - 1;
  const visit = forward ? segments.slice(at) : segments.slice(0, at + 1).reverse();
  const rows: Row[] = [];
  for (const [n, segment] of visit.entries()) {
    if (rows.length >= want) break;
    const where = filterSql(userId, f);
    if (segment.where) where.push(segment.where);
    const desc = forward ? segment.desc : !segment.desc;
    if (cursor && n === 0) {
      const v = cursorValue(f.sort, cursor.v);
      where.push(desc ? Prisma.sql`(${key}, w."id") < (${v}, ${cursor.id})` : Prisma.sql`(${key}, w."id") > (${v}, ${cursor.id})`);
    }
    const order = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    rows.push(
      ...(await db.$queryRaw<Row[]>`
        SELECT w."id", w."startTime", w."timezone", w."title", i."name" AS "instructor", w."discipline", w."durationSeconds",
               r."durationSeconds" AS "rideSeconds", r."classTypes", d."totalOutputKj" AS "outputKj", COALESCE(a."score", d."tss") AS "tss",
               a."scoreMethod"::text AS "scoreMethod", d."avgHeartRate", d."distance", d."distanceUnit",
               w."syncState"::text AS "syncState", w."status", w."rankOutput" AS "rankOutput", w."rankTss" AS "rankTss",
               w."pelotonAccountId" AS "accountId", pa."username" AS "accountName"
        FROM "Workout" w
        LEFT JOIN "WorkoutDetails" d ON d."workoutId" = w."id"
        LEFT JOIN "WorkoutAnalytics" a ON a."workoutId" = w."id"
        LEFT JOIN "RideDetail" r ON r."id" = w."rideId"
        LEFT JOIN "Instructor" i ON i."id" = w."instructorId"
        LEFT JOIN "PelotonHistoryAccount" pa ON pa."userId" = w."userId" AND pa."pelotonUserId" = w."pelotonAccountId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY ${key} ${order}, w."id" ${order}
        LIMIT ${want - rows.length}`),
    );
  }
  return forward ? rows : rows.reverse();
}

/** How many workouts match the filters, over every page. */
async function countMatches(userId: string, f: HistoryFilters): Promise<number> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM "Workout" w
    LEFT JOIN "RideDetail" r ON r."id" = w."rideId"
    LEFT JOIN "Instructor" i ON i."id" = w."instructorId"
    WHERE ${Prisma.join(filterSql(userId, f), " AND ")}`;
  return Number(row?.n ?? 0);
}

/** One page of the history: after `filters.cursor`, or the page that ends before `filters.before`. */
async function readPage(userId: string, f: HistoryFilters, limit: number): Promise<{ rows: Row[]; next: string | null; prev: string | null }> {
  const before = decodeCursor(f.before);
  if (before) {
    const rows = await readRows(userId, f, before, false, limit + 1);
    const page = rows.slice(-limit);
    const last = page[page.length - 1];
    const first = page[0];
    if (first && last) return { rows: page, next: cursorOf(f.sort, last), prev: rows.length > limit ? cursorOf(f.sort, first) : null };
  }
  const after = before ? null : decodeCursor(f.cursor);
  const rows = await readRows(userId, f, after, true, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const first = page[0];
  return { rows: page, next: rows.length > limit && last ? cursorOf(f.sort, last) : null, prev: after && first ? cursorOf(f.sort, first) : null };
}

export async function listWorkoutHistory(userId: string, filters: HistoryFilters, limit = 25): Promise<HistoryPage> {
  const [{ rows, next, prev }, matches, zone] = await Promise.all([readPage(userId, filters, limit), countMatches(userId, filters), getUserTimeZone(userId)]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      startTime: r.startTime.toISOString(),
      timezone: zone.timeZone,
      title: r.title,
      instructor: r.instructor,
      discipline: r.discipline,
      durationSeconds: r.durationSeconds,
      classLengthMin: r.rideSeconds ? Math.round(r.rideSeconds / 60) : null,
      classTypes: r.classTypes ?? [],
      outputKj: r.outputKj,
      tss: r.tss,
      scoreMethod: r.scoreMethod,
      avgHeartRate: r.avgHeartRate,
      distanceMeters: metresOf(r.distance, r.distanceUnit),
      syncState: r.syncState,
      otherAccount: r.accountId ? { username: r.accountName } : null,
      inProgress: r.status === "IN_PROGRESS",
    })),
    nextCursor: next,
    prevCursor: prev,
    matches,
  };
}

type FacetRow = { kind: "d" | "i" | "t" | "l" | "n"; value: string | null; label: string | null; count: bigint };

/**
 * Options for the filter controls, from the user's own history, in one round trip: the workouts the dates and search
 * let through are read once (a CTE used four times is materialized), and each facet is one branch of a UNION that
 * applies the other facets' filters (its own left out, so picking a discipline still lists the others), in its
 * display order. `total` is the whole history.
 */
export async function getHistoryFacets(userId: string, filters?: HistoryFilters): Promise<HistoryFacets> {
  const db = await getDb();
  const f: HistoryFilters = filters ?? { sort: "date", dir: "desc" };
  const base = Prisma.join(filterSql(userId, f, ["discipline", "instructor", "type", "length"]), " AND ");
  const others = (omit: "discipline" | "instructor" | "type" | "length") => {
    const c: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (f.discipline && omit !== "discipline") c.push(Prisma.sql`c."discipline" = ${f.discipline}`);
    if (f.instructor && omit !== "instructor") c.push(Prisma.sql`(c."instructorName" = ${f.instructor} OR c."instructorId" = ${f.instructor})`);
    if (f.length && omit !== "length") c.push(Prisma.sql`c."durationSeconds" = ${f.length * 60}`);
    if (f.type && omit !== "type") c.push(Prisma.sql`${f.type} = ANY(c."classTypes")`);
    return Prisma.join(c, " AND ");
  };
  const rows = await db.$queryRaw<FacetRow[]>`
    WITH c AS MATERIALIZED (
      SELECT w."discipline", w."instructorId", i."name" AS "instructorName", r."classTypes", r."durationSeconds"
      FROM "Workout" w LEFT JOIN "RideDetail" r ON r."id" = w."rideId" LEFT JOIN "Instructor" i ON i."id" = w."instructorId"
      WHERE ${base}
    )
    SELECT kind, value, label, count FROM (
      SELECT 'd' AS kind, c."discipline" AS value, NULL AS label, COUNT(*) AS count, ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC) AS ord
        FROM c WHERE ${others("discipline")} GROUP BY c."discipline"
      UNION ALL
      SELECT 'i', NULL, c."instructorName", COUNT(*), ROW_NUMBER() OVER (ORDER BY c."instructorName")
        FROM c WHERE ${others("instructor")} AND c."instructorName" IS NOT NULL GROUP BY c."instructorName"
      UNION ALL
      SELECT 't', t, NULL, 0, ROW_NUMBER() OVER (ORDER BY t) FROM (SELECT DISTINCT unnest(c."classTypes") AS t FROM c WHERE ${others("type")}) types
      UNION ALL
      SELECT 'l', m::text, NULL, 0, ROW_NUMBER() OVER (ORDER BY m)
        FROM (SELECT DISTINCT ROUND(c."durationSeconds" / 60.0)::int AS m FROM c WHERE ${others("length")} AND c."durationSeconds" > 0) lengths
      UNION ALL
      SELECT 'n', NULL, NULL, COUNT(*), 1 FROM "Workout" WHERE "userId" = ${userId}
    ) facets
    ORDER BY kind, ord`;
  const of = (kind: FacetRow["kind"]) => rows.filter((r) => r.kind === kind);
  return {
    disciplines: of("d").map((d) => ({ value: d.value ?? "", count: Number(d.count) })),
    instructors: of("i").map((i) => ({ name: i.label ?? "", count: Number(i.count) })),
    classTypes: of("t").map((t) => t.value ?? ""),
    lengths: of("l").map((l) => Number(l.value)),
    total: Number(of("n")[0]?.count ?? 0),
  };
}

/**
 * The name behind an instructor id, for history links made before the instructor filter took names
 * (`?instructor=<32-hex id>`): the page answers those with the same view under the readable URL. Null for an id
 * no instructor has.
 */
export async function instructorNameById(id: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.instructor.findUnique({ where: { id }, select: { name: true } });
  return row?.name ?? null;
}
