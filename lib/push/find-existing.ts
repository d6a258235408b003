import "server-only";
import { fetchActivities } from "@/lib/integrations/trainingpeaks/api";
import type { TrainingPeaksActivity } from "@/lib/integrations/trainingpeaks/transform";
import { toLocalDateTime } from "@/lib/time-zone";
import { isCompatibleTpType } from "./view";

/** How far apart two start times may be and still be the same session (device clocks and start buttons differ). */
export const SAME_SESSION_TOLERANCE_SECONDS = 120;

const DAY_MS = 86_400_000;

/** Seconds between two zone-less local datetimes (`YYYY-MM-DDTHH:mm:ss`), or null when either does not parse. */
function localDeltaSeconds(a: string, b: string): number | null {
  const ta = Date.parse(`${a.slice(0, 19)}Z`);
  const tb = Date.parse(`${b.slice(0, 19)}Z`);
  return Number.isNaN(ta) || Number.isNaN(tb) ? null : Math.abs(ta - tb) / 1000;
}

/** The completed TrainingPeaks activity that is this session, if any (pure). */
export function pickSameSession(
  activities: readonly TrainingPeaksActivity[],
  localStart: string,
  sport: string,
  toleranceSeconds = SAME_SESSION_TOLERANCE_SECONDS,
): TrainingPeaksActivity | null {
  let best: { activity: TrainingPeaksActivity; delta: number } | null = null;
  for (const activity of activities) {
    if (!activity.completed || !activity.startTimeLocal || !isCompatibleTpType(sport, activity.type)) continue;
    const delta = localDeltaSeconds(activity.startTimeLocal, localStart);
    if (delta === null || delta > toleranceSeconds) continue;
    if (!best || delta < best.delta) best = { activity, delta };
  }
  return best?.activity ?? null;
}

/** Looks at TrainingPeaks' activities around the start (the local day and its neighbours) for the same session. */
export async function findOnTrainingPeaks(userId: string, start: Date, sport: string, timeZone: string | null): Promise<TrainingPeaksActivity | null> {
  const localStart = toLocalDateTime(start, timeZone);
  const day = Date.parse(`${localStart.slice(0, 10)}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const activities = await fetchActivities(userId, iso(day - DAY_MS), iso(day + DAY_MS));
  return pickSameSession(activities, localStart, sport);
}
