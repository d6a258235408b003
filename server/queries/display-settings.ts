import "server-only";
import type { DisplaySettings } from "@/lib/domain/display-settings";
import { getAnalyticsSettings } from "./analytics-settings";
import { getUserTimeZone } from "./user-time-zone";

/** The user's unit system and display zone (lib/domain/display-settings.ts). */
export async function getDisplaySettings(userId: string): Promise<DisplaySettings> {
  const [settings, zone] = await Promise.all([getAnalyticsSettings(userId), getUserTimeZone(userId)]);
  return { units: settings.units, timeZone: zone.timeZone };
}
