import "server-only";
import { z } from "zod";

/** TrainingPeaks Partner API shapes (docs/trainingpeaks-api.md §5). Lenient: unknown keys pass, nulls are expected. */
const num = z.number().nullish();
const str = z.string().nullish();

export const tpProfileSchema = z.looseObject({
  Id: z.number().int(),
  FirstName: str,
  LastName: str,
  Email: str,
  TimeZone: str,
  BirthMonth: str,
  Sex: str,
  CoachedBy: num,
  Weight: num,
  IsPremium: z.boolean().nullish(),
  PreferredUnits: str,
});
export type TpProfile = z.infer<typeof tpProfileSchema>;

const zoneSchema = z.looseObject({ Label: str, Minimum: num, Maximum: num });
const zoneSetSchema = z.looseObject({
  Threshold: num,
  MaxHeartRate: num,
  RestingHeartRate: num,
  WorkoutType: str,
  Zones: z.array(zoneSchema).nullish(),
});
const zoneFamily = z.record(z.string(), zoneSetSchema).nullish();

export const tpZonesSchema = z.looseObject({
  HeartRateZones: zoneFamily,
  SpeedZones: zoneFamily,
  PowerZones: zoneFamily,
});
export type TpZones = z.infer<typeof tpZonesSchema>;

/** A scalar that may be absent, null or of the wrong type (then null): one odd field never costs the workout. */
const lenientNum = z.number().nullish().catch(null);
const lenientStr = z.string().nullish().catch(null);

const workoutShape = {
  Id: z.union([z.number().int(), z.string().regex(/^\d{1,20}$/).transform(Number)]),
  AthleteId: lenientNum,
  WorkoutDay: lenientStr,
  StartTime: lenientStr,
  StartTimePlanned: lenientStr,
  Title: lenientStr,
  Description: lenientStr,
  WorkoutType: lenientStr,
  Completed: z.boolean().nullish().catch(null),
  Url: lenientStr,
  TotalTime: lenientNum,
  TotalTimePlanned: lenientNum,
  Distance: lenientNum,
  DistancePlanned: lenientNum,
  TssActual: lenientNum,
  TssPlanned: lenientNum,
  IF: lenientNum,
  Calories: lenientNum,
  Energy: lenientNum,
  PowerAverage: lenientNum,
  PowerMaximum: lenientNum,
  NormalizedPower: lenientNum,
  HeartRateAverage: lenientNum,
  HeartRateMaximum: lenientNum,
  CadenceAverage: lenientNum,
  VelocityAverage: lenientNum,
  ElevationGain: lenientNum,
  WorkoutFileFormats: z.array(z.string()).nullish().catch(null),
  LastModifiedDate: lenientStr,
};

/** Our spelling of each key by its lower case: TrainingPeaks writes `TSSPlanned` where reads say `TssPlanned` (docs/trainingpeaks-api.md §8.7). */
const CANONICAL_KEYS = new Map(Object.keys(workoutShape).map((key) => [key.toLowerCase(), key]));

function canonicalKeys(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const canonical = CANONICAL_KEYS.get(key.toLowerCase()) ?? key;
    // the exact spelling wins over a variant when both are sent
    if (!(canonical in out) || canonical === key) out[canonical] = value;
  }
  return out;
}

const localDay = (value: string | null | undefined) => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/**
 * One workout object (docs/trainingpeaks-api.md §5.3), read leniently: keys case-insensitively, every field but `Id`
 * optional and null when of the wrong type. `WorkoutDay`, which real responses sometimes omit, falls back to the day
 * of the actual or planned start; a workout with no day at all cannot be placed and does not parse.
 */
export const tpWorkoutSchema = z.preprocess(
  canonicalKeys,
  z
    .looseObject(workoutShape)
    .transform((w, ctx) => {
      const day = localDay(w.WorkoutDay) ?? localDay(w.StartTime) ?? localDay(w.StartTimePlanned);
      if (day === null) {
        ctx.addIssue({ code: "custom", message: "a workout without WorkoutDay or start time", path: ["WorkoutDay"] });
        return z.NEVER;
      }
      return { ...w, WorkoutDay: day };
    }),
);
export type TpWorkout = z.output<typeof tpWorkoutSchema>;

/** A list read item by item: the readable workouts, and how many could not be read (shown to the user). */
export interface TpWorkoutList {
  workouts: TpWorkout[];
  unreadable: number;
}

export const tpWorkoutListSchema = z.array(z.unknown()).transform((items): TpWorkoutList => {
  const workouts: TpWorkout[] = [];
  for (const item of items) {
    const parsed = tpWorkoutSchema.safeParse(item);
    if (parsed.success) workouts.push(parsed.data);
  }
  return { workouts, unreadable: items.length - workouts.length };
});
