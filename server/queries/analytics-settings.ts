import "server-only";
import { getDb, type Db } from "@/server/db/client";
import { FTP_SOURCE_SETTINGS, type AnalyticsSettings, type FtpSourceSetting, type ThresholdEntry } from "@/lib/domain/thresholds";
import { newProviderEntries, type ProviderSnapshot } from "@/lib/metrics/provider-thresholds";
import { thresholdResolver, type ThresholdResolver } from "@/lib/metrics/thresholds-at";
import { localDay, resolveTimeZone } from "@/lib/time/time-zone";

/** The user's analytics settings and dated thresholds (reads only). */

const isFtpSource = (value: string): value is FtpSourceSetting => (FTP_SOURCE_SETTINGS as readonly string[]).includes(value);

export async function readAnalyticsSettings(db: Db, userId: string): Promise<AnalyticsSettings> {
  const [row, tp] = await Promise.all([
    db.analyticsSettings.findUnique({ where: { userId } }),
    db.trainingPeaksProfile.findUnique({ where: { userId }, select: { timeZone: true, preferredUnits: true } }),
  ]);
  const chosen = row?.timeZone ? resolveTimeZone(row.timeZone) : null;
  const zone = chosen && !chosen.fallback ? chosen : resolveTimeZone(tp?.timeZone);
  return {
    units: row ? (row.units === "imperial" ? "imperial" : "metric") : tp?.preferredUnits === "imperial" ? "imperial" : "metric",
    timeZone: zone.timeZone,
    timeZoneChosen: Boolean(chosen && !chosen.fallback),
    providerTimeZone: tp?.timeZone ?? null,
    ftpSource: row && isFtpSource(row.ftpSource) ? row.ftpSource : "peloton",
  };
}

export async function getAnalyticsSettings(userId: string): Promise<AnalyticsSettings> {
  return readAnalyticsSettings(await getDb(), userId);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function readThresholdEntries(db: Db, userId: string): Promise<ThresholdEntry[]> {
  const rows = await db.thresholdEntry.findMany({ where: { userId }, orderBy: [{ kind: "asc" }, { effectiveFrom: "asc" }] });
  return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, effectiveFrom: isoDay(r.effectiveFrom), source: r.source, workoutId: r.workoutId }));
}

export async function getThresholdEntries(userId: string): Promise<ThresholdEntry[]> {
  return readThresholdEntries(await getDb(), userId);
}

/**
 * What the providers say today: the TrainingPeaks snapshot, Peloton's profile and, when asked (the rescoring job),
 * the FTP every Peloton ride was taken with. Days are in the user's zone.
 */
export async function readProviderSnapshot(db: Db, userId: string, timeZone: string, opts: { rides?: boolean } = {}): Promise<ProviderSnapshot> {
  const [tp, peloton, rides] = await Promise.all([
    db.trainingPeaksProfile.findUnique({ where: { userId } }),
    db.pelotonProfile.findFirst({ where: { connection: { userId } }, select: { ftpWatts: true, maxHeartRate: true, fetchedAt: true } }),
    opts.rides
      ? db.workout.findMany({ where: { userId, ftp: { gt: 0 } }, orderBy: { startTime: "asc" }, select: { id: true, startTime: true, ftp: true } })
      : Promise.resolve([]),
  ]);
  return {
    trainingPeaks: tp
      ? {
          day: localDay(tp.fetchedAt, timeZone),
          values: { ftp: tp.ftpWatts, threshold_hr: tp.thresholdHr, max_hr: tp.maxHr, resting_hr: tp.restingHr, run_pace: tp.runThresholdSpeed },
        }
      : null,
    peloton: peloton ? { day: localDay(peloton.fetchedAt, timeZone), ftp: peloton.ftpWatts, maxHr: peloton.maxHeartRate } : null,
    rideFtps: rides.map((r) => ({ day: localDay(r.startTime, timeZone), ftp: r.ftp ?? 0, workoutId: r.id })),
  };
}

export interface ScoringContext {
  settings: AnalyticsSettings;
  entries: ThresholdEntry[];
  resolver: ThresholdResolver;
}

/**
 * Everything needed to score any of the user's workouts: settings, thresholds, and a resolver over them. Provider
 * values the rescoring job has not written down yet (a TrainingPeaks threshold changed since) count already, so a
 * page never scores with less than the job will.
 */
export async function readScoringContext(db: Db, userId: string): Promise<ScoringContext> {
  const [settings, stored] = await Promise.all([readAnalyticsSettings(db, userId), readThresholdEntries(db, userId)]);
  const snapshot = await readProviderSnapshot(db, userId, settings.timeZone);
  const pending = newProviderEntries(stored, snapshot).map((e, i) => ({ ...e, id: `pending-${i}` }));
  const entries = pending.length ? [...stored.filter((s) => !pending.some((p) => p.kind === s.kind && p.source === s.source && p.effectiveFrom === s.effectiveFrom)), ...pending] : stored;
  return { settings, entries, resolver: thresholdResolver({ entries, ftpSource: settings.ftpSource }) };
}

export async function getScoringContext(userId: string): Promise<ScoringContext> {
  return readScoringContext(await getDb(), userId);
}
