import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/server/db/client";
import { THRESHOLD_LIMITS, THRESHOLD_LABEL, type ThresholdKind } from "@/lib/domain/thresholds";
import { newProviderEntries, type NewEntry } from "@/lib/metrics/provider-thresholds";
import { readAnalyticsSettings, readProviderSnapshot, readThresholdEntries } from "@/server/queries/analytics-settings";

/** Writes to the dated threshold history: the user's own values and what the providers report. */

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

async function upsertEntry(db: Db, userId: string, e: NewEntry): Promise<void> {
  const key = { userId_kind_source_effectiveFrom: { userId, kind: e.kind, source: e.source, effectiveFrom: dayDate(e.effectiveFrom) } };
  const data = { value: e.value, workoutId: e.workoutId };
  await db.thresholdEntry.upsert({ where: key, create: { userId, kind: e.kind, source: e.source, effectiveFrom: dayDate(e.effectiveFrom), ...data }, update: data });
}

/** Notes what TrainingPeaks and Peloton report (and every ride's Peloton FTP) as dated values; returns how many changed. */
export async function recordProviderThresholds(db: Db, userId: string): Promise<number> {
  const settings = await readAnalyticsSettings(db, userId);
  const [stored, snapshot] = await Promise.all([readThresholdEntries(db, userId), readProviderSnapshot(db, userId, settings.timeZone, { rides: true })]);
  const entries = newProviderEntries(stored, snapshot);
  for (const e of entries) await upsertEntry(db, userId, e);
  return entries.length;
}

export function checkThresholdValue(kind: ThresholdKind, value: number): void {
  const { min, max } = THRESHOLD_LIMITS[kind];
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new AppError("input.invalid", { message: `${THRESHOLD_LABEL[kind]} is outside the range AutoCoach accepts.`, fields: { value: "Check the value and its unit." } });
  }
}

/** A value the user typed (or took from an FTP test), from a day on; the same kind and day is replaced. */
export async function saveOwnThreshold(db: Db, userId: string, e: { kind: ThresholdKind; value: number; effectiveFrom: string; workoutId?: string | null; fromTest?: boolean }): Promise<void> {
  checkThresholdValue(e.kind, e.value);
  await upsertEntry(db, userId, { kind: e.kind, value: e.value, effectiveFrom: e.effectiveFrom, source: e.fromTest ? "ftp_test" : "manual", workoutId: e.workoutId ?? null });
}

/** Only the user's own values can be deleted; provider values are facts about the past. */
export async function deleteOwnThreshold(db: Db, userId: string, id: string): Promise<void> {
  const removed = await db.thresholdEntry.deleteMany({ where: { id, userId, source: { in: ["manual", "ftp_test"] } } });
  if (removed.count === 0) throw new AppError("input.invalid", { message: "That value is not one of yours, or it was already removed." });
}
