import "server-only";
import { getDb } from "@/server/db/client";
import { isValidTimeZone } from "@/lib/time/time-zone";

/**
 * The one time zone every time is shown and written in for a user: the workout page, the history, the dashboard, the
 * comparison, export file names and the FIT file's local time. First usable of:
 *   1. the zone the user chose in Settings (the same one the calendar and the scores' local days use);
 *   2. the TrainingPeaks athlete's TimeZone (the zone TrainingPeaks shows their workouts in, and reads uploads with);
 *   3. the zone of their latest Peloton workout that has one (Peloton's member setting at the time);
 *   4. UTC.
 * A workout's own `timezone` (where the ride happened) is never used for display, so one ride never shows three
 * different start times.
 */
export interface UserTimeZone {
  timeZone: string;
  source: "settings" | "trainingpeaks" | "peloton" | "utc";
}

export async function getUserTimeZone(userId: string): Promise<UserTimeZone> {
  const db = await getDb();
  const [chosen, tp, latest] = await Promise.all([
    db.analyticsSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    db.trainingPeaksProfile.findUnique({ where: { userId }, select: { timeZone: true } }),
    db.workout.findFirst({ where: { userId, timezone: { not: null } }, orderBy: { startTime: "desc" }, select: { timezone: true } }),
  ]);
  const chosenZone = chosen?.timeZone?.trim();
  if (chosenZone && isValidTimeZone(chosenZone)) return { timeZone: chosenZone, source: "settings" };
  const tpZone = tp?.timeZone?.trim();
  if (tpZone && isValidTimeZone(tpZone)) return { timeZone: tpZone, source: "trainingpeaks" };
  const pelotonZone = latest?.timezone?.trim();
  if (pelotonZone && isValidTimeZone(pelotonZone)) return { timeZone: pelotonZone, source: "peloton" };
  return { timeZone: "UTC", source: "utc" };
}
