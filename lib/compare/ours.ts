import { activityMetrics } from "@/lib/metrics/activity";
import type { Activity } from "@/lib/domain/activity";
import type { BuildComparisonInput } from "./build";
import type { FtpChoice } from "./ftp";
import { comparableSport } from "./match";

/** Our side of a comparison: the same metrics code the sync and the FIT export use, with the chosen FTP. */
export function ourSide(activity: Activity, ftp: FtpChoice): BuildComparisonInput["ours"] {
  return {
    metrics: activityMetrics(activity, ftp.watts),
    startTime: activity.startTime,
    sport: comparableSport(activity),
    title: activity.title,
    device: activity.device,
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day as YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}
