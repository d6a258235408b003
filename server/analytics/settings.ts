import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { AnalyticsSettings, FtpSourceSetting, ThresholdKind, UnitsSetting } from "@/lib/domain/thresholds";
import { isValidTimeZone } from "@/lib/time/time-zone";
import { getDb } from "@/server/db/client";
import { readAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getFtpTests } from "@/server/queries/ftp-history";
import { queueAnalytics } from "./drive";
import { deleteOwnThreshold, saveOwnThreshold } from "./thresholds";

/**
 * What the settings page and the workout page change. Anything that can change a score (FTP source, time zone, a
 * threshold) queues the analytics job, which rescores the affected workouts in the background.
 */

export interface SettingsInput {
  units: UnitsSetting;
  /** "" = follow TrainingPeaks (else UTC) */
  timeZone: string;
  ftpSource: FtpSourceSetting;
}

export async function saveSettings(userId: string, input: SettingsInput): Promise<AnalyticsSettings> {
  const timeZone = input.timeZone.trim() || null;
  if (timeZone && !isValidTimeZone(timeZone)) {
    throw new AppError("input.invalid", { message: "That is not a time zone AutoCoach knows.", fields: { timeZone: "Choose a time zone from the list." } });
  }
  const db = await getDb();
  const before = await readAnalyticsSettings(db, userId);
  const data = { units: input.units, timeZone, ftpSource: input.ftpSource };
  await db.analyticsSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  const after = await readAnalyticsSettings(db, userId);
  if (after.ftpSource !== before.ftpSource || after.timeZone !== before.timeZone) await queueAnalytics(userId, "settings", db);
  return after;
}

export async function addThreshold(userId: string, input: { kind: ThresholdKind; value: number; effectiveFrom: string }): Promise<void> {
  const db = await getDb();
  await saveOwnThreshold(db, userId, input);
  await queueAnalytics(userId, "thresholds", db);
}

export async function removeThreshold(userId: string, id: string): Promise<void> {
  const db = await getDb();
  await deleteOwnThreshold(db, userId, id);
  await queueAnalytics(userId, "thresholds", db);
}

/**
 * "Set as my FTP" on an FTP test ride: its result becomes your FTP from the ride's day, and your own FTP history
 * becomes the FTP source (rides before your first own value keep Peloton's).
 */
export async function setFtpFromTest(userId: string, workoutId: string): Promise<{ watts: number; day: string }> {
  const [test] = await getFtpTests(userId, { workoutId });
  if (!test) throw new AppError("workout.not_found", { message: "This workout is not one of your FTP tests with recorded power." });
  const db = await getDb();
  const { units } = await readAnalyticsSettings(db, userId);
  await saveOwnThreshold(db, userId, { kind: "ftp", value: test.result, effectiveFrom: test.day, workoutId, fromTest: true });
  await db.analyticsSettings.upsert({ where: { userId }, create: { userId, units, ftpSource: "manual" }, update: { ftpSource: "manual" } });
  await queueAnalytics(userId, "ftp test", db);
  return { watts: test.result, day: test.day };
}

export async function rescoreNow(userId: string): Promise<void> {
  await queueAnalytics(userId, "requested");
}
