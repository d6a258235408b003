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

export const tpWorkoutSchema = z.looseObject({
  Id: z.number(),
  AthleteId: num,
  WorkoutDay: z.string(),
  StartTime: str,
  StartTimePlanned: str,
  Title: str,
  Description: str,
  WorkoutType: str,
  Completed: z.boolean().nullish(),
  Url: str,
  TotalTime: num,
  TotalTimePlanned: num,
  Distance: num,
  DistancePlanned: num,
  TssActual: num,
  TssPlanned: num,
  IF: num,
  Calories: num,
  Energy: num,
  PowerAverage: num,
  PowerMaximum: num,
  NormalizedPower: num,
  HeartRateAverage: num,
  HeartRateMaximum: num,
  CadenceAverage: num,
  VelocityAverage: num,
  ElevationGain: num,
  LastModifiedDate: str,
});
export type TpWorkout = z.infer<typeof tpWorkoutSchema>;
export const tpWorkoutListSchema = z.array(tpWorkoutSchema);
