import "server-only";
import { getDb } from "@/server/db/client";
import type { CalendarMode, CalendarTotals, CalendarView, CalendarWorkout } from "@/lib/domain/calendar";
import { buildCalendar, calendarRange } from "@/lib/metrics/calendar";
import { addDays, localDay, zonedLocalToUtc } from "@/lib/time/time-zone";
import { readAnalyticsSettings } from "./analytics-settings";
import { WORKOUT_LIST_COLUMNS } from "./columns";

/** The calendar of a month or week: workouts by local day with their scores, and week / month / year totals. */

const METRES: Record<string, number> = { mi: 1609.344, km: 1000, m: 1 };

function metres(distance: number | null | undefined, unit: string | null | undefined): number | null {
  if (typeof distance !== "number" || !(distance > 0)) return null;
  const factor = METRES[unit?.trim().toLowerCase() ?? "mi"];
  return factor === undefined ? null : distance * factor;
}

/** Sums over the local calendar year, in SQL: a year holds hundreds of workouts that need not be read one by one. */
async function yearTotals(userId: string, year: number, timeZone: string): Promise<CalendarTotals> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ seconds: number | null; metres: number | null; kj: number | null; score: number | null; n: bigint }[]>`
    SELECT SUM(w."durationSeconds")::float8 AS seconds,
           SUM(CASE lower(d."distanceUnit") WHEN 'km' THEN d."distance" * 1000 WHEN 'm' THEN d."distance" ELSE d."distance" * 1609.344 END)::float8 AS metres,
           SUM(d."totalOutputKj")::float8 AS kj, SUM(a."score")::float8 AS score, COUNT(*) AS n
    FROM "Workout" w
    LEFT JOIN "WorkoutDetails" d ON d."workoutId" = w."id"
    LEFT JOIN "WorkoutAnalytics" a ON a."workoutId" = w."id"
    WHERE w."userId" = ${userId} AND w."status" = 'COMPLETE'
      AND date_part('year', w."startTime" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}) = ${year}`;
  const r = rows[0];
  return { seconds: r?.seconds ?? 0, distanceMeters: r?.metres ?? 0, workKj: r?.kj ?? 0, score: r?.score ?? 0, workouts: Number(r?.n ?? 0) };
}

export async function getCalendar(userId: string, mode: CalendarMode, day: string | null, now = new Date()): Promise<CalendarView> {
  const db = await getDb();
  const settings = await readAnalyticsSettings(db, userId);
  const today = localDay(now, settings.timeZone);
  const range = calendarRange(mode, day ?? today);
  // The zone's midnights bound the range; a day either side covers any offset.
  const after = zonedLocalToUtc(`${addDays(range.from, -1)}T00:00:00`, settings.timeZone) ?? new Date(`${range.from}T00:00:00Z`);
  const before = zonedLocalToUtc(`${addDays(range.to, 2)}T00:00:00`, settings.timeZone) ?? new Date(`${range.to}T00:00:00Z`);
  const [rows, totals] = await Promise.all([
    db.workout.findMany({
      where: { userId, status: "COMPLETE", startTime: { gte: after, lt: before } },
      orderBy: { startTime: "asc" },
      select: {
        ...WORKOUT_LIST_COLUMNS,
        details: { select: { distance: true, distanceUnit: true, totalOutputKj: true } },
        analytics: { select: { score: true, scoreMethod: true } },
      },
    }),
    yearTotals(userId, Number(range.anchor.slice(0, 4)), settings.timeZone),
  ]);
  const workouts: CalendarWorkout[] = rows.map((w) => ({
    id: w.id,
    title: w.title,
    discipline: w.discipline,
    day: localDay(w.startTime, settings.timeZone),
    startTime: w.startTime.toISOString(),
    durationSeconds: w.durationSeconds,
    distanceMeters: metres(w.details?.distance, w.details?.distanceUnit),
    workKj: w.details?.totalOutputKj ?? null,
    score: w.analytics?.score ?? null,
    scoreMethod: w.analytics?.scoreMethod ?? null,
  }));
  return buildCalendar({ mode, day: day ?? today, today, workouts, yearTotals: totals });
}
