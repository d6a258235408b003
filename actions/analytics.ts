"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AnalyticsProgress } from "@/lib/domain/analytics";
import { FTP_SOURCE_SETTINGS, THRESHOLD_KINDS, type AnalyticsSettings } from "@/lib/domain/thresholds";
import { AppError } from "@/lib/errors/app-error";
import { parseThresholdInput } from "@/lib/format/threshold-input";
import { isDay } from "@/lib/metrics/calendar";
import { addThreshold, removeThreshold, rescoreNow, saveSettings, setFtpFromTest } from "@/server/analytics/settings";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getAnalyticsProgress } from "@/server/queries/analytics-job";

/** Settings, thresholds and rescoring. Every change that can move a score queues the analytics job on the server. */

const ANALYTICS_PAGES = ["/settings", "/fitness", "/power", "/calendar", "/dashboard"];
const refreshPages = () => ANALYTICS_PAGES.forEach((path) => revalidatePath(path));

const settingsInput = z.object({
  units: z.enum(["metric", "imperial"], "Choose metric or imperial units."),
  timeZone: z.string().max(64, "That is not a time zone."),
  ftpSource: z.enum(FTP_SOURCE_SETTINGS, "Choose where your FTP comes from."),
});

export async function saveAnalyticsSettingsAction(input: z.input<typeof settingsInput>): Promise<ActionResult<AnalyticsSettings>> {
  return runUserAction("analytics.settings", settingsInput, input, async ({ userId, input: data }) => {
    const saved = await saveSettings(userId, data);
    refreshPages();
    return saved;
  });
}

const day = z.string().refine(isDay, "Enter a date as YYYY-MM-DD.");
const thresholdInput = z.object({
  kind: z.enum(THRESHOLD_KINDS, "Choose which threshold this is."),
  value: z.string().max(20, "That value is too long."),
  effectiveFrom: day,
});

export async function addThresholdAction(input: z.input<typeof thresholdInput>): Promise<ActionResult<null>> {
  return runUserAction("analytics.threshold_add", thresholdInput, input, async ({ userId, input: data }) => {
    const { units } = await getAnalyticsSettings(userId);
    const parsed = parseThresholdInput(data.kind, data.value, units);
    if (!parsed.ok) throw new AppError("input.invalid", { message: parsed.message, fields: { value: parsed.message } });
    await addThreshold(userId, { kind: data.kind, value: parsed.value, effectiveFrom: data.effectiveFrom });
    refreshPages();
    return null;
  });
}

export async function deleteThresholdAction(id: string): Promise<ActionResult<null>> {
  return runUserAction("analytics.threshold_delete", z.string().min(1).max(40), id, async ({ userId, input }) => {
    await removeThreshold(userId, input);
    refreshPages();
    return null;
  });
}

export async function setFtpFromTestAction(workoutId: string): Promise<ActionResult<{ watts: number; day: string }>> {
  return runUserAction("analytics.ftp_from_test", z.string().regex(/^[a-z0-9]{10,40}$/i, "Unknown workout"), workoutId, async ({ userId, input }) => {
    const result = await setFtpFromTest(userId, input);
    refreshPages();
    revalidatePath(`/workouts/${input}`);
    return result;
  });
}

export async function rescoreNowAction(): Promise<ActionResult<AnalyticsProgress>> {
  return runUserAction("analytics.rescore", z.undefined(), undefined, async ({ userId }) => {
    await rescoreNow(userId);
    return getAnalyticsProgress(userId);
  });
}
