import "server-only";
import type { ScoreMethod } from "@/lib/domain/analytics";
import { getUserTimeZone } from "./user-time-zone";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { HistoryFacets, HistoryFilters, HistoryPage, HistorySort } from "@/lib/domain/workout-history";

/**
 * The workout history: keyset pagination (never OFFSET), every filter in SQL, always scoped to the
 * signed-in user. Sorts by date, output or TSS with the workout id as the tie-breaker.
 */

/** Keyset position: the sort value (epoch ms for dates) and the id tie-breaker. */
interface Cursor {
  v: number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const cursorSchema = z.object({ v: z.number().finite(), id: z.string().max(40) });
function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Sort column and cursor parameter: plain indexed columns (Workout_userId_{startTime,rankOutput,rankTss}_id_idx),
 * so each page is an index-ordered scan that stops after `limit` rows, however deep the page.
 */
function sortColumn(sort: HistorySort): Prisma.Sql {
  if (sort === "output") return Prisma.sql`w."rankOutput"`;
  if (sort === "tss") return Prisma.sql`w."rankTss"`;
  return Prisma.sql`w."startTime"`;
}

function cursorValue(sort: HistorySort, v: number): number | Date {
  return sort === "date" ? new Date(v) : v;
}

function filterSql(userId: string, f: HistoryFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`w."userId" = ${userId}`];
  if (f.discipline) where.push(Prisma.sql`w."discipline" = ${f.discipline}`);
  if (f.instructor) where.push(Prisma.sql`w."instructorId" = ${f.instructor}`);
  if (f.length) where.push(Prisma.sql`r."durationSeconds" = ${f.length * 60}`);
  if (f.from) where.push(Prisma.sql`w."startTime" >= ${new Date(`${f.from}T00:00:00Z`)}`);
  if (f.to) where.push(Prisma.sql`w."startTime" < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`);
  if (f.type) where.push(Prisma.sql`${f.type} = ANY(r."classTypes")`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(w."title" ILIKE ${like} OR i."name" ILIKE ${like})`);
  }
  return where;
}

export async function listWorkoutHistory(userId: string, filters: HistoryFilters, limit = 25): Promise<HistoryPage> {
  const db = await getDb();
  const key = sortColumn(filters.sort);
  const where = filterSql(userId, filters);
  const cursor = decodeCursor(filters.cursor);
  const desc = filters.dir === "desc";
  if (cursor) {
    const v = cursorValue(filters.sort, cursor.v);
    where.push(desc ? Prisma.sql`(${key}, w."id") < (${v}, ${cursor.id})` : Prisma.sql`(${key}, w."id") > (${v}, ${cursor.id})`);
  }
  const order = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db.$queryRaw<
    {
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
      syncState: "pending" | "complete" | "failed";
      rankOutput: number;
      rankTss: number;
    }[]
  >`
    SELECT w."id", w."startTime", w."timezone", w."title", i."name" AS "instructor", w."discipline", w."durationSeconds",
           r."durationSeconds" AS "rideSeconds", r."classTypes", d."totalOutputKj" AS "outputKj", COALESCE(a."score", d."tss") AS "tss",
           a."scoreMethod"::text AS "scoreMethod", d."avgHeartRate",
           w."syncState"::text AS "syncState", w."rankOutput" AS "rankOutput", w."rankTss" AS "rankTss"
    FROM "Workout" w
    LEFT JOIN "WorkoutDetails" d ON d."workoutId" = w."id"
    LEFT JOIN "WorkoutAnalytics" a ON a."workoutId" = w."id"
    LEFT JOIN "RideDetail" r ON r."id" = w."rideId"
    LEFT JOIN "Instructor" i ON i."id" = w."instructorId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${key} ${order}, w."id" ${order}
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const zone = await getUserTimeZone(userId);
  return {
    rows: page.map((r) => ({
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
      syncState: r.syncState,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ v: filters.sort === "output" ? last.rankOutput : filters.sort === "tss" ? last.rankTss : last.startTime.getTime(), id: last.id })
        : null,
  };
}

/** Options for the filter controls, from the user's own history. */
type FacetRow = { kind: "d" | "i" | "t" | "l" | "n"; value: string | null; label: string | null; count: bigint };

/**
 * The history's filter choices and total in one round trip: the rider's workouts are read once (a CTE
 * used five times is materialized) and each facet is one branch of a UNION, in its display order.
 */
export async function getHistoryFacets(userId: string): Promise<HistoryFacets> {
  const db = await getDb();
  const rows = await db.$queryRaw<FacetRow[]>`
    WITH w AS MATERIALIZED (
      SELECT w."discipline", w."instructorId", r."classTypes", r."durationSeconds"
      FROM "Workout" w LEFT JOIN "RideDetail" r ON r."id" = w."rideId"
      WHERE w."userId" = ${userId}
    )
    SELECT kind, value, label, count FROM (
      SELECT 'd' AS kind, "discipline" AS value, NULL AS label, COUNT(*) AS count, ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC) AS ord FROM w GROUP BY "discipline"
      UNION ALL
      SELECT 'i', i."id", i."name", COUNT(*), ROW_NUMBER() OVER (ORDER BY i."name") FROM w JOIN "Instructor" i ON i."id" = w."instructorId" GROUP BY i."id", i."name"
      UNION ALL
      SELECT 't', t, NULL, 0, ROW_NUMBER() OVER (ORDER BY t) FROM (SELECT DISTINCT unnest("classTypes") AS t FROM w) types
      UNION ALL
      SELECT 'l', m::text, NULL, 0, ROW_NUMBER() OVER (ORDER BY m) FROM (SELECT DISTINCT ROUND("durationSeconds" / 60.0)::int AS m FROM w WHERE "durationSeconds" > 0) lengths
      UNION ALL
      SELECT 'n', NULL, NULL, COUNT(*), 1 FROM w
    ) facets
    ORDER BY kind, ord`;
  const of = (kind: FacetRow["kind"]) => rows.filter((r) => r.kind === kind);
  return {
    disciplines: of("d").map((d) => ({ value: d.value ?? "", count: Number(d.count) })),
    instructors: of("i").map((i) => ({ id: i.value ?? "", name: i.label ?? "", count: Number(i.count) })),
    classTypes: of("t").map((t) => t.value ?? ""),
    lengths: of("l").map((l) => Number(l.value)),
    total: Number(of("n")[0]?.count ?? 0),
  };
}
