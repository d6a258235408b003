import type { UnitsSetting } from "./thresholds";

/**
 * How a user's pages show figures: distances, speeds, paces and elevations in their unit system (Settings → Units)
 * and every date on their clock (server/queries/user-time-zone.ts). Read once per page (server/queries/
 * display-settings.ts) and handed to the components it renders.
 */
export interface DisplaySettings {
  units: UnitsSetting;
  timeZone: string;
}
