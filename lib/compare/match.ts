import type { Activity, ActivitySport } from "@/lib/domain/activity";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";
import { resolveTimeZone, zonedLocalToUtc } from "@/lib/time/time-zone";

/** Finding the TrainingPeaks workout that is the same session as ours: start time within a tolerance, compatible type. */

export const DEFAULT_MATCH_TOLERANCE_SECONDS = 300;

/** Our sports with a definite TrainingPeaks counterpart; the rest ("training", "generic", …) may be anything. */
const TP_TYPES: Partial<Record<ActivitySport, readonly string[]>> = {
  cycling: ["bike", "mtb"],
  running: ["run"],
  walking: ["walk"],
  rowing: ["rowing"],
};

/** TrainingPeaks upload `Type` for our sport (its first TrainingPeaks type; "other" when there is none). */
export function tpUploadType(sport: ActivitySport): string {
  return TP_TYPES[sport]?.[0] ?? "other";
}

/** TrainingPeaks types that say nothing about the sport, so any of ours may be one. */
const OPEN_TP_TYPES = new Set(["other", "custom"]);

/** Indoor equipment files often say sport "fitnessEquipment" and put the real sport in sub_sport. */
export function comparableSport(activity: Pick<Activity, "sport" | "subSport">): ActivitySport {
  if (activity.sport !== "fitnessEquipment") return activity.sport;
  switch (activity.subSport) {
    case "indoorRowing":
      return "rowing";
    case "treadmill":
      return "running";
    case "indoorCycling":
      return "cycling";
    default:
      return activity.sport;
  }
}

export function isCompatibleType(sport: ActivitySport, tpType: string): boolean {
  const type = tpType.trim().toLowerCase();
  if (OPEN_TP_TYPES.has(type)) return true;
  const allowed = TP_TYPES[sport];
  return allowed === undefined || allowed.includes(type);
}

export interface RankedCandidate {
  activity: TrainingPeaksActivity;
  /** the TrainingPeaks start as an instant (its local time read in the athlete's zone) */
  startTime: Date;
  /** TrainingPeaks start − our start, whole seconds: positive when TrainingPeaks says it started later */
  startTimeDeltaSeconds: number;
  compatible: boolean;
}

/**
 * Every completed TrainingPeaks activity with a start time, nearest first (ties: compatible type first, then id,
 * so the order is deterministic). Planned workouts are skipped: their start is a plan, not a recording.
 */
export function rankCandidates(ours: { startTime: Date; sport: ActivitySport }, candidates: readonly TrainingPeaksActivity[], timeZone: string | null): RankedCandidate[] {
  const zone = resolveTimeZone(timeZone).timeZone;
  const ranked: RankedCandidate[] = [];
  for (const activity of candidates) {
    if (!activity.completed || !activity.startTimeLocal) continue;
    const startTime = zonedLocalToUtc(activity.startTimeLocal, zone);
    if (!startTime) continue;
    ranked.push({
      activity,
      startTime,
      startTimeDeltaSeconds: Math.round((startTime.getTime() - ours.startTime.getTime()) / 1000),
      compatible: isCompatibleType(ours.sport, activity.type),
    });
  }
  return ranked.sort(
    (a, b) =>
      Math.abs(a.startTimeDeltaSeconds) - Math.abs(b.startTimeDeltaSeconds) ||
      Number(b.compatible) - Number(a.compatible) ||
      a.activity.id.localeCompare(b.activity.id),
  );
}

export function isWithinTolerance(candidate: RankedCandidate, toleranceSeconds: number): boolean {
  return candidate.compatible && Math.abs(candidate.startTimeDeltaSeconds) <= toleranceSeconds;
}

/**
 * The TrainingPeaks activity that is our session: the compatible, completed one whose start is nearest ours and
 * within `toleranceSeconds` (inclusive). An unknown or invalid `timeZone` reads TrainingPeaks times as UTC.
 */
export function matchActivity(
  ours: { startTime: Date; sport: ActivitySport },
  candidates: readonly TrainingPeaksActivity[],
  timeZone: string | null,
  toleranceSeconds = DEFAULT_MATCH_TOLERANCE_SECONDS,
): RankedCandidate | null {
  return rankCandidates(ours, candidates, timeZone).find((c) => isWithinTolerance(c, toleranceSeconds)) ?? null;
}
