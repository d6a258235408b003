import "server-only";
import { getDb } from "@/server/db/client";
import type { FtpTestRide } from "@/lib/domain/analytics";
import type { FtpSourceSetting, ResolvedThreshold, ThresholdSource } from "@/lib/domain/thresholds";
import { decodeCurve } from "@/lib/metrics/curve-codec";
import { ftpTestResult } from "@/lib/metrics/ftp-estimate";
import { localDay } from "@/lib/time/time-zone";
import { readScoringContext } from "./analytics-settings";

/** FTP over time: every dated FTP by source, and every FTP test ride with its result (reads only). */

export interface FtpHistoryView {
  entries: { day: string; value: number; source: ThresholdSource; workoutId: string | null }[];
  tests: FtpTestRide[];
  current: ResolvedThreshold | null;
  ftpSource: FtpSourceSetting;
  today: string;
}

export async function getFtpTests(userId: string, opts: { workoutId?: string } = {}): Promise<FtpTestRide[]> {
  const db = await getDb();
  const [rides, own] = await Promise.all([
    db.workout.findMany({
      where: { userId, ...(opts.workoutId ? { id: opts.workoutId } : {}), status: "COMPLETE", ride: { isFtpTest: true }, analytics: { powerCurve: { not: null } } },
      orderBy: { startTime: "asc" },
      select: { id: true, title: true, analytics: { select: { day: true, powerCurve: true } } },
    }),
    db.thresholdEntry.findMany({ where: { userId, kind: "ftp", source: { in: ["ftp_test", "manual"] }, workoutId: { not: null } }, select: { workoutId: true } }),
  ]);
  const applied = new Set(own.map((e) => e.workoutId));
  return rides.flatMap((r) => {
    const curve = r.analytics?.powerCurve ? decodeCurve(new Uint8Array(r.analytics.powerCurve)) : null;
    const result = curve ? ftpTestResult(curve.values) : null;
    if (!r.analytics || result === null) return [];
    return [{ workoutId: r.id, day: r.analytics.day.toISOString().slice(0, 10), title: r.title, result, applied: applied.has(r.id) }];
  });
}

export async function getFtpHistory(userId: string, now = new Date()): Promise<FtpHistoryView> {
  const db = await getDb();
  const [ctx, tests] = await Promise.all([readScoringContext(db, userId), getFtpTests(userId)]);
  const today = localDay(now, ctx.settings.timeZone);
  return {
    entries: ctx.entries
      .filter((e) => e.kind === "ftp")
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
      .map((e) => ({ day: e.effectiveFrom, value: e.value, source: e.source, workoutId: e.workoutId })),
    tests,
    current: ctx.resolver.on(today).ftp,
    ftpSource: ctx.settings.ftpSource,
    today,
  };
}
