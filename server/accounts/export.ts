import "server-only";
import { getDb } from "@/server/db/client";
import { encodeFit, startStamp } from "@/server/fit/encode";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getUserTimeZone } from "@/server/queries/user-time-zone";
import { toWorkoutActivity } from "@/server/queries/workout-activity";
import { getWorkoutDetail } from "@/server/queries/workout-detail";
import type { ZipEntry } from "./zip";

/**
 * "Download my data": the user's account (profile, connections without secrets, settings, thresholds) and every synced
 * workout as JSON (the same view the workout page shows, samples included) and, when it has samples, as a FIT file
 * (the encoder "Send to TrainingPeaks" uses). Workouts are read a page at a time, so memory stays bounded.
 */

const PAGE = 20;
const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export async function countExportWorkouts(userId: string): Promise<number> {
  return (await getDb()).workout.count({ where: { userId } });
}

async function accountSummary(userId: string) {
  const db = await getDb();
  const [user, peloton, accounts, trainingPeaks, settings, thresholds] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, createdAt: true, tpAutoSend: true, tpAutoSendSince: true } }),
    db.pelotonConnection.findUnique({ where: { userId }, select: { pelotonUserId: true, username: true, status: true, connectedAt: true, lastSyncedAt: true, paceLevel: true } }),
    db.pelotonHistoryAccount.findMany({ where: { userId }, select: { pelotonUserId: true, username: true, lastConnectedAt: true } }),
    db.trainingPeaksProfile.findUnique({ where: { userId }, omit: { userId: true } }),
    getAnalyticsSettings(userId),
    db.thresholdEntry.findMany({ where: { userId }, orderBy: [{ kind: "asc" }, { effectiveFrom: "asc" }], omit: { userId: true } }),
  ]);
  return { format: "autocoach-export/1", exportedAt: new Date().toISOString(), user, peloton, pelotonAccounts: accounts, trainingPeaks, settings, thresholds };
}

/** The archive's entries, in start-time order; `onWorkout` is told after each workout (progress, tests). */
export async function* exportEntries(userId: string, onWorkout?: (done: number) => void): AsyncGenerator<ZipEntry> {
  const db = await getDb();
  const { timeZone } = await getUserTimeZone(userId);
  yield { name: "account.json", data: json(await accountSummary(userId)) };
  let cursor: string | undefined;
  let done = 0;
  for (;;) {
    const page = await db.workout.findMany({
      where: { userId },
      orderBy: [{ startTime: "asc" }, { id: "asc" }],
      select: { id: true, pelotonAccountId: true },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of page) {
      const view = await getWorkoutDetail(userId, row.id);
      if (!view) continue;
      const stem = `workouts/${startStamp(new Date(view.startTime), timeZone)}-${view.pelotonWorkoutId}`;
      const upload = await db.trainingPeaksUpload.findUnique({ where: { workoutId: row.id }, select: { state: true, tpWorkoutId: true, completedAt: true } });
      yield { name: `${stem}.json`, data: json({ ...view, pelotonAccountId: row.pelotonAccountId, trainingPeaksUpload: upload }), modified: new Date(view.startTime) };
      if (view.series && view.series.length > 0) {
        yield { name: `${stem}.fit`, data: encodeFit(toWorkoutActivity(view), { timeZone }), modified: new Date(view.startTime) };
      }
      onWorkout?.(++done);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
}
