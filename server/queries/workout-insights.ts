import "server-only";
import { getDb } from "@/server/db/client";
import type { ClassAttempt as Attempt, WorkoutInsights } from "@/lib/domain/analytics";
import { scoreActivity } from "@/lib/metrics/score";
import { analyzeWorkout } from "@/lib/metrics/workout-analysis";
import { localDay } from "@/lib/time/time-zone";
import { readAnalyticsSettings } from "./analytics-settings";
import { getFtpTests } from "./ftp-history";
import { toWorkoutActivity } from "./workout-activity";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";

/** A workout's analytics beyond its charts: its score, per-workout figures, the class's other attempts, a test result. */


const FAMILY: Record<string, "bike" | "run"> = { cycling: "bike", bike_bootcamp: "bike", running: "run", walking: "run" };

async function attemptsOf(userId: string, rideId: string, currentId: string, timeZone: string): Promise<Attempt[]> {
  const db = await getDb();
  const rows = await db.workout.findMany({
    where: { userId, rideId, status: "COMPLETE", syncState: "complete" },
    orderBy: { startTime: "asc" },
    take: 50,
    select: {
      id: true,
      startTime: true,
      details: { select: { totalOutputKj: true, normalizedPower: true, avgHeartRate: true } },
      analytics: { select: { compliance: true, score: true, day: true } },
    },
  });
  if (rows.length < 2) return [];
  return rows.map((r) => ({
    workoutId: r.id,
    day: r.analytics?.day.toISOString().slice(0, 10) ?? localDay(r.startTime, timeZone),
    outputKj: r.details?.totalOutputKj ?? null,
    normalizedPower: r.details?.normalizedPower ?? null,
    avgHeartRate: r.details?.avgHeartRate ?? null,
    compliance: r.analytics?.compliance ?? null,
    score: r.analytics?.score ?? null,
    current: r.id === currentId,
  }));
}

export async function getWorkoutInsights(userId: string, view: WorkoutDetailView): Promise<WorkoutInsights> {
  const db = await getDb();
  const activity = toWorkoutActivity(view);
  const score = scoreActivity(activity);
  const settings = await readAnalyticsSettings(db, userId);
  const [stored, attempts, tests] = await Promise.all([
    db.workoutAnalytics.findUnique({ where: { workoutId: view.id }, select: { score: true } }),
    view.ride ? attemptsOf(userId, view.ride.id, view.id, settings.timeZone) : Promise.resolve([]),
    getFtpTests(userId, { workoutId: view.id }),
  ]);
  const test = tests[0];
  return {
    score,
    rescoring: stored !== null && Math.abs(stored.score - score.tss) > 0.05,
    analysis: analyzeWorkout(activity, activity.ftp, FAMILY[view.discipline] ?? "other"),
    attempts,
    ftpTest: test ? { ...test, currentFtp: view.thresholds.ftp?.value ?? null } : null,
    units: settings.units,
  };
}
