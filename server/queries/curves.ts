import "server-only";
import { getDb } from "@/server/db/client";
import type { BestEffort, CurvePoint, FtpEstimate } from "@/lib/domain/analytics";
import { aggregateCurves } from "@/lib/metrics/curve-aggregate";
import { estimateFtp } from "@/lib/metrics/ftp-estimate";
import { BEST_EFFORT_SECONDS, CURVE_SECONDS } from "@/lib/metrics/mmp";

/** Mean-maximal curves of a range of workouts from the stored per-workout curves (reads only). */

export type CurveSport = "ride" | "run" | "row";

const DISCIPLINES: Record<CurveSport, string[]> = {
  ride: ["cycling", "bike_bootcamp"],
  run: ["running", "walking"],
  row: ["caesar", "caesar_bootcamp"],
};

export interface CurveRange {
  /** null: from the first workout */
  from: string | null;
  to: string;
}

export interface CurveView {
  sport: CurveSport;
  /** watts for rides, m/s for runs and rows */
  points: CurvePoint[];
  workouts: number;
  bestEfforts: BestEffort[];
  /** rides only */
  estimate: FtpEstimate | null;
}

const EFFORT_LABEL: Record<number, string> = { 5: "5 seconds", 60: "1 minute", 300: "5 minutes", 1200: "20 minutes", 3600: "60 minutes" };

export async function getCurve(userId: string, sport: CurveSport, range: CurveRange): Promise<CurveView> {
  const db = await getDb();
  const rows = await db.workoutAnalytics.findMany({
    where: {
      userId,
      day: { ...(range.from ? { gte: new Date(`${range.from}T00:00:00Z`) } : {}), lte: new Date(`${range.to}T00:00:00Z`) },
      workout: { discipline: { in: DISCIPLINES[sport] } },
      ...(sport === "ride" ? { powerCurve: { not: null } } : { speedCurve: { not: null } }),
    },
    select: { workoutId: true, day: true, powerCurve: true, speedCurve: true },
  });
  const curves = rows.map((r) => new Uint8Array((sport === "ride" ? r.powerCurve : r.speedCurve) ?? new Uint8Array()));
  const agg = aggregateCurves(sport === "ride" ? "power" : "speed", curves);
  const ownerIds = [...new Set(Array.from(agg.owner).filter((i) => i >= 0).map((i) => rows[i]?.workoutId ?? ""))];
  const titles = new Map((await db.workout.findMany({ where: { userId, id: { in: ownerIds } }, select: { id: true, title: true } })).map((w) => [w.id, w.title]));
  const points: CurvePoint[] = [];
  CURVE_SECONDS.forEach((seconds, i) => {
    const row = rows[agg.owner[i] ?? -1];
    const value = agg.values[i] ?? 0;
    if (!row || !(value > 0)) return;
    points.push({ seconds, value, workoutId: row.workoutId, day: row.day.toISOString().slice(0, 10), title: titles.get(row.workoutId) ?? "Workout" });
  });
  const bestEfforts = BEST_EFFORT_SECONDS.flatMap((s) => {
    const p = points.find((x) => x.seconds === s);
    return p ? [{ ...p, label: EFFORT_LABEL[s] ?? `${s} s` }] : [];
  });
  return { sport, points, workouts: rows.length, bestEfforts, estimate: sport === "ride" ? estimateFtp(agg.values) : null };
}
