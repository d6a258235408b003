import "server-only";
import { matchActivity } from "@/lib/compare/match";
import type { ActivitySport } from "@/lib/domain/activity";
import { fetchActivities } from "@/server/providers/trainingpeaks/records";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";
import { localDaysAround } from "@/lib/time/time-zone";

/**
 * How far apart two start times may be and still be the same session before an upload (tighter than the compare
 * page's 5 minutes: linking the wrong ride would hide a real one from TrainingPeaks).
 */
export const SAME_SESSION_TOLERANCE_SECONDS = 120;

/** Looks at TrainingPeaks' activities around the start (the local day and its neighbours) for the same session. */
export async function findOnTrainingPeaks(userId: string, start: Date, sport: ActivitySport, timeZone: string | null): Promise<TrainingPeaksActivity | null> {
  const days = localDaysAround(start, timeZone);
  const activities = await fetchActivities(userId, days.start, days.end);
  return matchActivity({ startTime: start, sport }, activities, timeZone, SAME_SESSION_TOLERANCE_SECONDS)?.activity ?? null;
}
