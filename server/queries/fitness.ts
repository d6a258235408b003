import "server-only";
import { getDb, type Db } from "@/server/db/client";
import type { FitnessToday, PmcDay } from "@/lib/domain/analytics";
import { performanceManagement } from "@/lib/metrics/pmc";
import { localDay } from "@/lib/time/time-zone";
import { readAnalyticsSettings } from "./analytics-settings";

/** Fitness, fatigue and form from the stored scores (reads only). */

async function dailyLoads(db: Db, userId: string, to: string): Promise<{ day: string; load: number }[]> {
  const rows = await db.$queryRaw<{ day: Date; load: number }[]>`
    SELECT a."day", SUM(a."score")::float8 AS load FROM "WorkoutAnalytics" a
    WHERE a."userId" = ${userId} AND a."day" <= ${new Date(`${to}T00:00:00Z`)}
    GROUP BY a."day" ORDER BY a."day"`;
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), load: r.load }));
}

/** Complete workouts without a stored score yet (the job is still catching up): the chart may still move. */
async function unscored(db: Db, userId: string): Promise<number> {
  return db.workout.count({ where: { userId, syncState: "complete", analytics: null } });
}

export interface PmcView {
  days: PmcDay[];
  firstDay: string | null;
  today: string;
  unscored: number;
}

/** `from` null: from the first scored day. */
export async function getPmc(userId: string, range: { from: string | null; to: string }, now = new Date()): Promise<PmcView> {
  const db = await getDb();
  const settings = await readAnalyticsSettings(db, userId);
  const [loads, pending] = await Promise.all([dailyLoads(db, userId, range.to), unscored(db, userId)]);
  const firstDay = loads[0]?.day ?? null;
  const from = range.from ?? firstDay ?? range.to;
  return { days: performanceManagement(loads, from, range.to), firstDay, today: localDay(now, settings.timeZone), unscored: pending };
}

export async function getFitnessToday(userId: string, now = new Date()): Promise<FitnessToday | null> {
  const db = await getDb();
  const settings = await readAnalyticsSettings(db, userId);
  const today = localDay(now, settings.timeZone);
  const [loads, pending] = await Promise.all([dailyLoads(db, userId, today), unscored(db, userId)]);
  if (!loads.length) return null;
  const day = performanceManagement(loads, today, today)[0];
  return day ? { day: today, ctl: day.ctl, atl: day.atl, tsb: day.tsb, ramp: day.ramp, pending } : null;
}
