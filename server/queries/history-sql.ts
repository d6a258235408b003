import "server-only";
import { z } from "zod";
import { Prisma } from "@/server/db/generated/prisma/client";
import { searchWords, type HistoryFilters, type HistorySort } from "@/lib/domain/workout-history";

/**
 * The SQL pieces of the workout history: filters, the keyset cursor, and the sort as ordered segments, so a sort can
 * put workouts without a value (rank −1) last in both directions and every segment stays an index-ordered scan.
 */

/** Keyset position: the sort value (epoch ms for dates) and the id tie-breaker. */
export interface Cursor {
  v: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const cursorSchema = z.object({ v: z.number().finite(), id: z.string().max(40) });
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Sort column: plain indexed columns (Workout_userId_{startTime,rankOutput,rankTss}_id_idx), so each segment is an
 * index-ordered scan that stops after `limit` rows, however deep the page.
 */
export function sortColumn(sort: HistorySort): Prisma.Sql {
  if (sort === "output") return Prisma.sql`w."rankOutput"`;
  if (sort === "tss") return Prisma.sql`w."rankTss"`;
  return Prisma.sql`w."startTime"`;
}

export function cursorValue(sort: HistorySort, v: number): number | Date {
  return sort === "date" ? new Date(v) : v;
}

type FilterKey = "discipline" | "instructor" | "length" | "type";

/** The filters as SQL conditions on `w` (Workout), `r` (RideDetail) and `i` (Instructor); `omit` leaves one out (facets). */
export function filterSql(userId: string, f: HistoryFilters, omitted?: FilterKey | readonly FilterKey[]): Prisma.Sql[] {
  const skip = new Set<FilterKey | undefined>(Array.isArray(omitted) ? omitted : [omitted as FilterKey | undefined]);
  const where: Prisma.Sql[] = [Prisma.sql`w."userId" = ${userId}`];
  if (f.discipline && !skip.has("discipline")) where.push(Prisma.sql`w."discipline" = ${f.discipline}`);
  if (f.instructor && !skip.has("instructor")) where.push(Prisma.sql`(i."name" = ${f.instructor} OR w."instructorId" = ${f.instructor})`);
  if (f.length && !skip.has("length")) where.push(Prisma.sql`r."durationSeconds" = ${f.length * 60}`);
  if (f.from) where.push(Prisma.sql`w."startTime" >= ${new Date(`${f.from}T00:00:00Z`)}`);
  if (f.to) where.push(Prisma.sql`w."startTime" < ${new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000)}`);
  if (f.type && !skip.has("type")) where.push(Prisma.sql`${f.type} = ANY(r."classTypes")`);
  for (const word of searchWords(f.q)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(w."title" ILIKE ${like} OR i."name" ILIKE ${like})`);
  }
  return where;
}

/** One stretch of the sort order: the rows it holds, whether a cursor value falls in it, its direction. */
export interface Segment {
  where: Prisma.Sql | null;
  holds: (v: number) => boolean;
  desc: boolean;
}

/**
 * The sort order as segments read one after the other. Newest/highest first is one segment (unknown values are −1, so
 * already last); lowest first reads the known values ascending, then the unknown ones.
 */
export function sortSegments(sort: HistorySort, dir: "asc" | "desc"): Segment[] {
  if (dir === "desc" || sort === "date") return [{ where: null, holds: () => true, desc: dir === "desc" }];
  const key = sortColumn(sort);
  return [
    { where: Prisma.sql`${key} >= 0`, holds: (v) => v >= 0, desc: false },
    { where: Prisma.sql`${key} < 0`, holds: (v) => v < 0, desc: false },
  ];
}
