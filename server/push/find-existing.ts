import "server-only";
import { matchActivity } from "@/lib/compare/match";
import type { ActivitySport } from "@/lib/domain/activity";
import { fetchActivities } from "@/server/providers/trainingpeaks/records";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";
import { localDaysAround } from "@/lib/time/time-zone";
import { log } from "@/server/log";

/**
 * How far apart two start times may be and still be the same session before an upload (tighter than the compare
 * page's 5 minutes: linking the wrong ride would hide a real one from TrainingPeaks).
 */
export const SAME_SESSION_TOLERANCE_SECONDS = 120;

/** Looks at TrainingPeaks' activities around the start (the local day and its neighbours) for the same session. */
export async function findOnTrainingPeaks(userId: string, start: Date, sport: ActivitySport, timeZone: string | null): Promise<TrainingPeaksActivity | null> {
  const days = localDaysAround(start, timeZone);
  const { activities, unreadable } = await fetchActivities(userId, days.start, days.end);
  // an item we could not read might be this very ride: say so in the log, since the upload goes ahead without it
  if (unreadable > 0) log.warn("trainingpeaks.push.unreadable_activities", { userId, unreadable, days });
  return matchActivity({ startTime: start, sport }, activities, timeZone, SAME_SESSION_TOLERANCE_SECONDS)?.activity ?? null;
}
