import { activityFigures, activityMetrics } from "@/lib/metrics/activity";
import { scoreActivity } from "@/lib/metrics/score";
import type { Activity } from "@/lib/domain/activity";
import { NO_THRESHOLDS } from "@/lib/domain/thresholds";
import type { BuildComparisonInput } from "./build";
import type { FtpChoice } from "./ftp";
import { comparableSport } from "./match";

/** The activity with the chosen FTP in force (the other thresholds stay those of its day). */
function withChosenFtp(activity: Activity, ftp: FtpChoice): Activity {
  const thresholds = activity.thresholds ?? NO_THRESHOLDS;
  const same = thresholds.ftp !== null && ftp.watts !== null && Math.round(thresholds.ftp.value) === ftp.watts;
  const chosen = ftp.watts === null ? null : same ? thresholds.ftp : { value: ftp.watts, source: ftp.source === "trainingpeaks" ? ("trainingpeaks" as const) : ("manual" as const), effectiveFrom: "", fallback: false };
  return { ...activity, ftp: ftp.watts, thresholds: { ...thresholds, ftp: chosen } };
}

/**
 * Our side of a comparison: the same figures the page and the FIT export use (lib/metrics/activity.ts), with the chosen
 * FTP; TSS is the workout's one measured score, so a run or a ride without power is compared by its pace or heart-rate
 * TSS, and an estimate (shown beside it) is never compared with TrainingPeaks' figure.
 */
export function ourSide(activity: Activity, ftp: FtpChoice): BuildComparisonInput["ours"] {
  const scored = withChosenFtp(activity, ftp);
  const score = scoreActivity(scored);
  return {
    metrics: activityMetrics(scored, ftp.watts),
    score,
    startTime: activity.startTime,
    sport: comparableSport(activity),
    title: activity.title,
    device: activity.device,
    legs: activityFigures(activity, ftp.watts).legs.map((leg) => ({ sport: leg.sport, durationSeconds: leg.durationSeconds, distanceMeters: leg.distanceMeters })),
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day as YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
