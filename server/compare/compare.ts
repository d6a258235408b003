import "server-only";
import { AppError, isProviderFailure } from "@/lib/errors/app-error";
import { buildComparison, type ComparisonReport, type TrainingPeaksSide } from "@/lib/compare/build";
import { chooseFtp, type FtpCandidates } from "@/lib/compare/ftp";
import { isCalendarDay, ourSide } from "@/lib/compare/ours";
import { localDaysAround } from "@/lib/time/time-zone";
import { toFailure } from "@/server/handlers/errors";
import { decodeFitOffThread } from "@/server/fit/decode-off-thread";
import { toWorkoutActivity } from "@/server/queries/workout-activity";
import type { Activity } from "@/lib/domain/activity";
import { fetchActivities } from "@/server/providers/trainingpeaks/records";
import { log } from "@/server/log";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { getWorkoutDetail } from "@/server/queries/workout-detail";
import { getAnalyticsSettings, getScoringContext } from "@/server/queries/analytics-settings";
import { localDay } from "@/lib/time/time-zone";
import { getUserTimeZone } from "@/server/queries/user-time-zone";

/**
 * Compare a FIT upload or a synced workout with the same session on TrainingPeaks. Nothing about the file or the
 * comparison is stored (the TrainingPeaks profile snapshot may be refreshed, as on any page that reads it).
 * TrainingPeaks is optional: when it is not connected or fails, the result still has our figures, with the reason.
 */

export interface CompareOptions {
  /** an FTP the user typed, which beats every other source (lib/compare/ftp.ts) */
  ftp?: number | null;
  /** search TrainingPeaks on this local day only (default: the activity's local start day ±1) */
  date?: string | null;
}

interface ProfileFacts {
  timeZone: string | null;
  thresholdFtp: number | null;
  isPremium: boolean | null;
}

async function trainingPeaksProfile(userId: string): Promise<ProfileFacts | Exclude<TrainingPeaksSide, { status: "ok" }>> {
  const connection = await getTrainingPeaksConnection(userId);
  if (connection.status === "missing" || connection.status === "disconnected") {
    return { status: "not_connected", reason: "TrainingPeaks is not connected, so only our figures are shown. Sign in with TrainingPeaks to compare." };
  }
  if (connection.status === "reauth_required") {
    return { status: "not_connected", reason: "TrainingPeaks needs you to sign in again before AutoCoach can read your workouts; only our figures are shown." };
  }
  const summary = await getTrainingPeaksSummary(userId);
  if ("error" in summary) return { status: "unavailable", reason: `Couldn't reach TrainingPeaks, so only our figures are shown: ${summary.error.message}` };
  return { timeZone: summary.athlete.timeZone, thresholdFtp: summary.thresholds.ftpWatts, isPremium: summary.athlete.isPremium };
}

function searchDays(start: Date, timeZone: string | null, date: string | null | undefined): { start: string; end: string } {
  return date ? { start: date, end: date } : localDaysAround(start, timeZone);
}

async function trainingPeaksSide(userId: string, profile: ProfileFacts, start: Date, date: string | null | undefined): Promise<TrainingPeaksSide> {
  const searched = searchDays(start, profile.timeZone, date);
  try {
    const { activities, unreadable } = await fetchActivities(userId, searched.start, searched.end);
    return { status: "ok", activities, unreadable, timeZone: profile.timeZone, thresholdFtp: profile.thresholdFtp, isPremium: profile.isPremium, searched };
  } catch (error) {
    if (!isProviderFailure(error)) log.error("compare.trainingpeaks.failed", { userId, error });
    return { status: "unavailable", reason: `Couldn't load your TrainingPeaks workouts, so only our figures are shown: ${toFailure(error, { name: "compare.trainingpeaks" }).failure.message}` };
  }
}

/** One comparison of an already decoded activity. `ftp` holds the FTP candidates other than TrainingPeaks'. */
export async function compareActivity(
  userId: string,
  activity: Activity,
  opts: { ftp?: Omit<FtpCandidates, "trainingPeaks">; date?: string | null } = {},
): Promise<ComparisonReport> {
  if (opts.date && !isCalendarDay(opts.date)) throw new AppError("input.invalid", { message: "The date must be a day as YYYY-MM-DD." });
  const [profile, zone, settings] = await Promise.all([trainingPeaksProfile(userId), getUserTimeZone(userId), getAnalyticsSettings(userId)]);
  const connected = !("status" in profile);
  const ftp = chooseFtp({ ...opts.ftp, trainingPeaks: connected ? profile.thresholdFtp : null });
  const side = connected ? await trainingPeaksSide(userId, profile, activity.startTime, opts.date) : profile;
  // An uploaded file is scored with the user's thresholds of its day, like a synced workout (heart rate, run pace).
  const scoring = activity.thresholds ? null : await getScoringContext(userId);
  const dated = scoring ? { ...activity, thresholds: scoring.resolver.on(localDay(activity.startTime, scoring.settings.timeZone)) } : activity;
  return buildComparison({ ours: ourSide(dated, ftp), ftp, trainingPeaks: side, displayTimeZone: zone.timeZone, displayUnits: settings.units });
}

/**
 * An uploaded .fit / .fit.gz: decoded in a worker under hard limits (a `fit.*` AppError for anything unreadable or
 * hostile), compared, discarded.
 */
export async function compareFitUpload(userId: string, bytes: Uint8Array, opts: CompareOptions = {}): Promise<ComparisonReport> {
  const activity = await decodeFitOffThread(bytes);
  return compareActivity(userId, activity, { ftp: { explicit: opts.ftp, file: activity.ftp }, date: opts.date });
}

/** A synced Peloton workout of this user, compared as if it were a file (a head unit may have recorded it too). */
export async function compareSyncedWorkout(userId: string, workoutId: string): Promise<ComparisonReport> {
  const detail = await getWorkoutDetail(userId, workoutId);
  if (!detail) throw new AppError("workout.not_found");
  const activity = toWorkoutActivity(detail);
  return compareActivity(userId, activity, { ftp: { workout: detail.ftp } });
}
