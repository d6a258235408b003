import "server-only";
import { Profile, Utils } from "@garmin/fitsdk";
import type { ActivitySport } from "@/lib/domain/activity";

/**
 * Narrowing of the SDK's loosely typed decoded values, and the FIT time and enum conversions shared by decode and
 * encode (pure).
 */
export const FIT_EPOCH_SECONDS = Utils.FIT_EPOCH_MS / 1000;
/** FIT date_time values below this are device-relative ("system time"), not wall-clock time. */
const FIT_MIN_DATE_TIME = 0x10000000;

export function finiteNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function positiveNumber(value: unknown): number | null {
  const n = finiteNumber(value);
  return n !== null && n > 0 ? n : null;
}

export function nonEmptyText(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** A FIT date_time as seconds since the FIT epoch, whether decoded as a number or as a Date; null if relative/invalid. */
export function fitSeconds(value: unknown): number | null {
  const seconds = value instanceof Date ? (value.getTime() - Utils.FIT_EPOCH_MS) / 1000 : finiteNumber(value);
  return seconds !== null && Number.isFinite(seconds) && seconds >= FIT_MIN_DATE_TIME ? seconds : null;
}

export function toFitSeconds(date: Date): number {
  return Math.round(date.getTime() / 1000) - FIT_EPOCH_SECONDS;
}

export function fromFitSeconds(seconds: number): Date {
  return new Date((seconds + FIT_EPOCH_SECONDS) * 1000);
}

function mesgNum(name: string): number {
  const value = Profile.MesgNum[name];
  if (value === undefined) throw new Error(`The FIT profile has no ${name} message.`);
  return value;
}

/** The global message numbers we read and write. */
export const MESG = {
  fileId: mesgNum("FILE_ID"),
  deviceInfo: mesgNum("DEVICE_INFO"),
  zonesTarget: mesgNum("ZONES_TARGET"),
  workout: mesgNum("WORKOUT"),
  workoutStep: mesgNum("WORKOUT_STEP"),
  event: mesgNum("EVENT"),
  record: mesgNum("RECORD"),
  lap: mesgNum("LAP"),
  session: mesgNum("SESSION"),
  activity: mesgNum("ACTIVITY"),
  hr: mesgNum("HR"),
} as const;

function reverse(table: Record<number, string> | undefined): Map<string, number> {
  return new Map(Object.entries(table ?? {}).map(([value, name]) => [name, Number(value)]));
}

const SPORT_VALUES = reverse(Profile.types.sport);
const SUB_SPORT_VALUES = reverse(Profile.types.subSport);

const ACTIVITY_SPORTS = new Set<string>(["cycling", "running", "walking", "rowing", "training", "fitnessEquipment", "generic", "multisport"] satisfies ActivitySport[]);

function isActivitySport(value: string): value is ActivitySport {
  return ACTIVITY_SPORTS.has(value);
}

/** A decoded FIT sport (string name) as one of ours; sports we do not model become "generic". */
export function toActivitySport(value: unknown): ActivitySport {
  return typeof value === "string" && isActivitySport(value) ? value : "generic";
}

/** A decoded FIT sub_sport name; "generic", unknown numbers and absence are null. */
export function toSubSport(value: unknown): string | null {
  return typeof value === "string" && value !== "generic" && SUB_SPORT_VALUES.has(value) ? value : null;
}

/** FIT enum values for encoding (numbers, so unknown names fall back to generic = 0 instead of failing). */
export function sportValue(sport: ActivitySport): number {
  return SPORT_VALUES.get(sport) ?? 0;
}

export function subSportValue(subSport: string | null): number {
  return (subSport === null ? undefined : SUB_SPORT_VALUES.get(subSport)) ?? 0;
}
