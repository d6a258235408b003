/** Seeded TrainingPeaks athletes: profile (docs/trainingpeaks-api.md §5.1) and zones (§5.2). */
export interface SeedAthlete {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  timeZone: string;
  birthMonth: string | null;
  sex: "m" | "f";
  coachedBy: number | null;
  weightKg: number;
  isPremium: boolean;
  preferredUnits: "Metric" | "English";
  /** Functional threshold power, W (PowerZones.Default.Threshold). */
  ftp: number;
  /** Lactate threshold HR, bpm (HeartRateZones.Default.Threshold). */
  thresholdHr: number;
  runThresholdHr: number;
  maxHr: number;
  restingHr: number;
  /** Run threshold speed, m/s (SpeedZones.Run.Threshold). */
  runThresholdSpeed: number;
  swimThresholdSpeed: number;
  homeElevation: number;
  /** Share of sessions ridden rather than run (0..1). */
  bikeBias: number;
}

export const DEMO_ATHLETES = {
  /** The default account on the consent page: premium, FTP 265 W. */
  demo: {
    id: 4100123,
    firstName: "Demo",
    lastName: "Athlete",
    email: "demo.athlete@example.test",
    timeZone: "America/Denver",
    birthMonth: "1988-04",
    sex: "m",
    coachedBy: null,
    weightKg: 72.0,
    isPremium: true,
    preferredUnits: "Metric",
    ftp: 265,
    thresholdHr: 168,
    runThresholdHr: 172,
    maxHr: 188,
    restingHr: 48,
    runThresholdSpeed: 3.7,
    swimThresholdSpeed: 1.25,
    homeElevation: 1610,
    bikeBias: 0.7,
  },
  /** A second premium athlete with a higher FTP (tests: data is per athlete). */
  climber: {
    id: 4100125,
    firstName: "Sam",
    lastName: "Rider",
    email: "sam.rider@example.test",
    timeZone: "Europe/Berlin",
    birthMonth: "1991-09",
    sex: "f",
    coachedBy: null,
    weightKg: 61.4,
    isPremium: true,
    preferredUnits: "Metric",
    ftp: 310,
    thresholdHr: 174,
    runThresholdHr: 178,
    maxHr: 194,
    restingHr: 42,
    runThresholdSpeed: 4.1,
    swimThresholdSpeed: 1.35,
    homeElevation: 35,
    bikeBias: 0.85,
  },
  /** A basic (non-premium) coached athlete: premium-only workout fields come back null. */
  basic: {
    id: 4100124,
    firstName: "Casey",
    lastName: "Basic",
    email: "casey.basic@example.test",
    timeZone: "America/New_York",
    birthMonth: null,
    sex: "m",
    coachedBy: 987001,
    weightKg: 81.6,
    isPremium: false,
    preferredUnits: "English",
    ftp: 210,
    thresholdHr: 160,
    runThresholdHr: 164,
    maxHr: 182,
    restingHr: 55,
    runThresholdSpeed: 3.3,
    swimThresholdSpeed: 1.05,
    homeElevation: 20,
    bikeBias: 0.6,
  },
} as const satisfies Record<string, SeedAthlete>;

export const SEED_ATHLETES: readonly SeedAthlete[] = [DEMO_ATHLETES.demo, DEMO_ATHLETES.climber, DEMO_ATHLETES.basic];

export function findAthlete(id: number): SeedAthlete | undefined {
  return SEED_ATHLETES.find((athlete) => athlete.id === id);
}

export function athleteName(athlete: SeedAthlete): string {
  return `${athlete.firstName} ${athlete.lastName}`;
}

export function toProfile(athlete: SeedAthlete) {
  return {
    Id: athlete.id,
    FirstName: athlete.firstName,
    LastName: athlete.lastName,
    Email: athlete.email,
    TimeZone: athlete.timeZone,
    BirthMonth: athlete.birthMonth,
    Sex: athlete.sex,
    CoachedBy: athlete.coachedBy,
    Weight: athlete.weightKg,
    IsPremium: athlete.isPremium,
    PreferredUnits: athlete.preferredUnits,
  };
}

interface Zone {
  Label: string;
  Minimum: number;
  Maximum: number;
}

/** Integer zones (W, bpm): each zone starts one above the previous maximum. */
function integerZones(threshold: number, floor: number, ceiling: number, bounds: readonly [string, number][]): Zone[] {
  let minimum = floor;
  return bounds.map(([label, fraction], index) => {
    const maximum = index === bounds.length - 1 ? ceiling : Math.floor(threshold * fraction);
    const zone = { Label: label, Minimum: minimum, Maximum: maximum };
    minimum = maximum + 1;
    return zone;
  });
}

/** Speed zones (m/s, two decimals): contiguous, each zone starts at the previous maximum. */
function speedZones(threshold: number, bounds: readonly [string, number][]): Zone[] {
  let minimum = 0;
  return bounds.map(([label, fraction]) => {
    const maximum = Math.round(threshold * fraction * 100) / 100;
    const zone = { Label: label, Minimum: minimum, Maximum: maximum };
    minimum = maximum;
    return zone;
  });
}

// Coggan power zones as fractions of FTP (upper bounds).
const POWER_ZONES: readonly [string, number][] = [
  ["1 - Active Recovery", 0.55],
  ["2 - Endurance", 0.75],
  ["3 - Tempo", 0.9],
  ["4 - Threshold", 1.05],
  ["5 - VO2 Max", 1.2],
  ["6 - Anaerobic Capacity", 1.5],
  ["7 - Neuromuscular Power", Number.POSITIVE_INFINITY],
];

// Friel heart-rate zones as fractions of LTHR (upper bounds).
const HEART_RATE_ZONES: readonly [string, number][] = [
  ["1 - Recovery", 0.81],
  ["2 - Aerobic", 0.89],
  ["3 - Tempo", 0.93],
  ["4 - SubThreshold", 0.99],
  ["5a - SuperThreshold", 1.02],
  ["5b - Aerobic Capacity", 1.06],
  ["5c - Anaerobic Capacity", Number.POSITIVE_INFINITY],
];

// Friel run pace zones as fractions of threshold speed (upper bounds).
const SPEED_ZONES: readonly [string, number][] = [
  ["1 - Recovery", 0.78],
  ["2 - Aerobic", 0.88],
  ["3 - Tempo", 0.94],
  ["4 - SubThreshold", 1.0],
  ["5a - SuperThreshold", 1.03],
  ["5b - Aerobic Capacity", 1.11],
  ["5c - Anaerobic Capacity", 1.5],
];

export function toZones(athlete: SeedAthlete) {
  const heartRate = (threshold: number, workoutType: string) => ({
    Threshold: threshold,
    MaxHeartRate: athlete.maxHr,
    RestingHeartRate: athlete.restingHr,
    WorkoutType: workoutType,
    Zones: integerZones(threshold, athlete.restingHr, athlete.maxHr, HEART_RATE_ZONES),
  });
  const power = { Threshold: athlete.ftp, Zones: integerZones(athlete.ftp, 0, 2000, POWER_ZONES) };
  return {
    HeartRateZones: {
      Default: heartRate(athlete.thresholdHr, "Default"),
      Bike: heartRate(athlete.thresholdHr, "Bike"),
      Run: heartRate(athlete.runThresholdHr, "Run"),
    },
    SpeedZones: {
      Run: { Threshold: athlete.runThresholdSpeed, Zones: speedZones(athlete.runThresholdSpeed, SPEED_ZONES) },
      Swim: { Threshold: athlete.swimThresholdSpeed, Zones: speedZones(athlete.swimThresholdSpeed, SPEED_ZONES) },
    },
    PowerZones: { Default: power, Bike: power },
  };
}

export const ZONE_FAMILIES = { heartrate: "HeartRateZones", speed: "SpeedZones", power: "PowerZones" } as const;

export function isZoneType(value: string): value is keyof typeof ZONE_FAMILIES {
  return Object.hasOwn(ZONE_FAMILIES, value);
}
