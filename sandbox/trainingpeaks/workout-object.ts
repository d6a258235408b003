/**
 * `WorkoutType` as reads return it: W:WorkoutsObject lists swim, bike, run, walk, mtb, xc-ski, rowing, brick, x-train,
 * race, day off, strength, custom, other and says reads are capitalised; the capitalisation of the multi-word
 * values is a guess [?]. Keys are the lower-case values clients send.
 */
export const WORKOUT_TYPES = {
  swim: "Swim",
  bike: "Bike",
  run: "Run",
  walk: "Walk",
  mtb: "MTB",
  "xc-ski": "XC-Ski",
  rowing: "Rowing",
  brick: "Brick",
  "x-train": "X-Train",
  race: "Race",
  "day off": "Day Off",
  strength: "Strength",
  custom: "Custom",
  other: "Other",
} as const;

export type WorkoutType = (typeof WORKOUT_TYPES)[keyof typeof WORKOUT_TYPES];

function isWorkoutTypeKey(key: string): key is keyof typeof WORKOUT_TYPES {
  return Object.hasOwn(WORKOUT_TYPES, key);
}

/** A client-sent type (any case: `bike`, `Bike`, `XC-Ski`) as reads spell it, or null when unknown. */
export function parseWorkoutType(value: string): WorkoutType | null {
  const key = value.trim().toLowerCase();
  return isWorkoutTypeKey(key) ? WORKOUT_TYPES[key] : null;
}

/** The workout object of docs/trainingpeaks-api.md §5.3 as the simulator keeps it (every key; responses leave the empty ones out, catalog.ts). */
export interface TpWorkout {
  Id: number;
  AthleteId: number;
  WorkoutDay: string;
  StartTime: string | null;
  StartTimePlanned: string | null;
  LastModifiedDate: string;
  Title: string;
  Description: string | null;
  PreActivityComment: string | null;
  Completed: boolean;
  Url: string | null;
  WorkoutType: WorkoutType;
  Distance: number | null;
  DistancePlanned: number | null;
  TotalTime: number | null;
  TotalTimePlanned: number | null;
  TssActual: number | null;
  TssPlanned: number | null;
  TssCalculationMethod: string | null;
  IF: number | null;
  IFPlanned: number | null;
  Calories: number | null;
  CaloriesPlanned: number | null;
  Energy: number | null;
  EnergyPlanned: number | null;
  HeartRateAverage: number | null;
  HeartRateMinimum: number | null;
  HeartRateMaximum: number | null;
  PowerAverage: number | null;
  PowerMaximum: number | null;
  NormalizedPower: number | null;
  VelocityAverage: number | null;
  VelocityMaximum: number | null;
  NormalizedSpeed: number | null;
  CadenceAverage: number | null;
  CadenceMaximum: number | null;
  TorqueAverage: number | null;
  TorqueMaximum: number | null;
  ElevationGain: number | null;
  ElevationLoss: number | null;
  ElevationMinimum: number | null;
  ElevationAverage: number | null;
  ElevationMaximum: number | null;
  TempMin: number | null;
  TempAvg: number | null;
  TempMax: number | null;
  Rpe: number | null;
  Feeling: number | null;
  Tags: string[] | null;
  WorkoutFileFormats: string[] | null;
  Structure: string | null;
}

/** The identity fields; everything measured or planned starts null (filled by the seeder or an upload). */
export type WorkoutIdentity = Pick<TpWorkout, "Id" | "AthleteId" | "WorkoutDay" | "Title" | "Description" | "Url" | "WorkoutType">;

export function blankWorkout(identity: WorkoutIdentity): TpWorkout {
  return {
    Id: identity.Id,
    AthleteId: identity.AthleteId,
    WorkoutDay: identity.WorkoutDay,
    StartTime: null,
    StartTimePlanned: null,
    LastModifiedDate: "",
    Title: identity.Title,
    Description: identity.Description,
    PreActivityComment: null,
    Completed: false,
    Url: identity.Url,
    WorkoutType: identity.WorkoutType,
    Distance: null,
    DistancePlanned: null,
    TotalTime: null,
    TotalTimePlanned: null,
    TssActual: null,
    TssPlanned: null,
    TssCalculationMethod: null,
    IF: null,
    IFPlanned: null,
    Calories: null,
    CaloriesPlanned: null,
    Energy: null,
    EnergyPlanned: null,
    HeartRateAverage: null,
    HeartRateMinimum: null,
    HeartRateMaximum: null,
    PowerAverage: null,
    PowerMaximum: null,
    NormalizedPower: null,
    VelocityAverage: null,
    VelocityMaximum: null,
    NormalizedSpeed: null,
    CadenceAverage: null,
    CadenceMaximum: null,
    TorqueAverage: null,
    TorqueMaximum: null,
    ElevationGain: null,
    ElevationLoss: null,
    ElevationMinimum: null,
    ElevationAverage: null,
    ElevationMaximum: null,
    TempMin: null,
    TempAvg: null,
    TempMax: null,
    Rpe: null,
    Feeling: null,
    Tags: null,
    WorkoutFileFormats: null,
    Structure: null,
  };
}
