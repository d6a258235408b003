import type { SeedAthlete } from "./athletes";
import { weekday } from "./dates";

export type Sport = "Bike" | "Run" | "Strength";

export interface SessionTemplate {
  sport: Sport;
  title: string;
  /** Nominal duration range in minutes (fixed for studio classes). */
  minutes: readonly [number, number];
  /** Intensity factor range (power for rides, pace for runs, HR for strength). */
  intensity: readonly [number, number];
  /** Variability index range for rides (NP / average power). */
  variability?: readonly [number, number];
  indoor: boolean;
  description: string;
}

const ride = (
  title: string,
  minutes: number,
  intensity: readonly [number, number],
  variability: readonly [number, number],
  description: string,
): SessionTemplate => ({ sport: "Bike", title, minutes: [minutes, minutes], intensity, variability, indoor: true, description });

const RECOVERY_RIDES = [
  ride("20 min Low Impact Ride", 20, [0.5, 0.58], [1.02, 1.05], "Easy spin, zone 1 throughout. Keep it conversational."),
  ride("30 min Power Zone Endurance Ride", 30, [0.6, 0.66], [1.02, 1.04], "Steady zone 2 with short zone 3 touches."),
];

const QUALITY_RIDES = [
  ride("45 min Power Zone Ride", 45, [0.76, 0.84], [1.04, 1.09], "Power Zone class: efforts in zones 3-5 with zone 2 recoveries."),
  ride("30 min Power Zone Ride", 30, [0.77, 0.85], [1.05, 1.1], "Short Power Zone class: 3 x 4 min zone 4, 2 x 2 min zone 5."),
  ride("60 min Power Zone Max Ride", 60, [0.85, 0.93], [1.08, 1.14], "Max class: repeated zone 6 and 7 efforts, full recoveries."),
  ride("30 min HIIT & Hills Ride", 30, [0.8, 0.88], [1.1, 1.16], "Tabata blocks and seated climbs."),
  ride("45 min Climb Ride", 45, [0.74, 0.82], [1.04, 1.08], "Long seated and standing climbs at low cadence."),
  ride("45 min Sweet Spot Ride", 45, [0.8, 0.86], [1.03, 1.06], "3 x 10 min at 88-93% FTP."),
];

const ENDURANCE_RIDES = [
  ride("45 min Power Zone Endurance Ride", 45, [0.64, 0.72], [1.02, 1.04], "Steady zone 2 endurance, high cadence."),
  ride("60 min Power Zone Endurance Ride", 60, [0.65, 0.72], [1.02, 1.04], "Zone 2 and 3 endurance blocks."),
  ride("60 min Endurance Ride", 60, [0.66, 0.73], [1.02, 1.05], "Steady aerobic ride."),
  ride("90 min Power Zone Endurance Ride", 90, [0.64, 0.7], [1.02, 1.04], "Long zone 2 with cadence drills."),
];

const OUTDOOR_RIDES: SessionTemplate[] = [
  { sport: "Bike", title: "Endurance ride", minutes: [120, 210], intensity: [0.64, 0.74], variability: [1.06, 1.14], indoor: false, description: "Long aerobic ride on rolling terrain. Fuel every 30 min." },
  { sport: "Bike", title: "Sweet spot 3x15", minutes: [90, 110], intensity: [0.8, 0.86], variability: [1.04, 1.08], indoor: false, description: "3 x 15 min at 88-93% FTP, 5 min recoveries." },
  { sport: "Bike", title: "Group ride", minutes: [100, 150], intensity: [0.74, 0.84], variability: [1.12, 1.2], indoor: false, description: "Saturday group ride." },
];

const run = (title: string, minutes: readonly [number, number], intensity: readonly [number, number], description: string): SessionTemplate => ({
  sport: "Run",
  title,
  minutes,
  intensity,
  indoor: false,
  description,
});

const EASY_RUNS = [run("Easy run", [35, 50], [0.7, 0.78], "Easy aerobic run, nose-breathing pace.")];
const QUALITY_RUNS = [
  run("Tempo run", [45, 55], [0.85, 0.9], "15 min warm-up, 20 min at tempo, cool-down."),
  run("5 x 1 km intervals", [50, 55], [0.86, 0.92], "5 x 1 km at 5k pace with 2 min jog recoveries."),
];
const LONG_RUNS = [run("Long run", [75, 100], [0.72, 0.78], "Long steady run, last 10 min at marathon pace.")];

const STRENGTH: SessionTemplate[] = [
  { sport: "Strength", title: "20 min Full Body Strength", minutes: [20, 20], intensity: [0.62, 0.7], indoor: true, description: "Squats, lunges, push-ups, rows." },
  { sport: "Strength", title: "30 min Core Strength", minutes: [30, 30], intensity: [0.6, 0.68], indoor: true, description: "Core circuit and mobility." },
];

export function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

/** The sessions an athlete does (or plans) on a day, following a weekly pattern. */
export function sessionsForDay(rng: () => number, day: number, athlete: SeedAthlete): SessionTemplate[] {
  const bikeOrRun = (bike: readonly SessionTemplate[], runs: readonly SessionTemplate[]) =>
    rng() < athlete.bikeBias ? pick(rng, bike) : pick(rng, runs);
  switch (weekday(day)) {
    case 1:
      return rng() < 0.4 ? [pick(rng, STRENGTH)] : [];
    case 2:
      return rng() < 0.9 ? [pick(rng, QUALITY_RIDES)] : [];
    case 3: {
      const main = rng() < 0.75 ? [bikeOrRun(ENDURANCE_RIDES, EASY_RUNS)] : [];
      return rng() < 0.3 ? [...main, pick(rng, STRENGTH)] : main;
    }
    case 4:
      return rng() < 0.85 ? [bikeOrRun(QUALITY_RIDES, QUALITY_RUNS)] : [];
    case 5:
      return rng() < 0.5 ? [pick(rng, RECOVERY_RIDES)] : [];
    case 6:
      return rng() < 0.9 ? [rng() < 0.5 ? pick(rng, OUTDOOR_RIDES) : pick(rng, ENDURANCE_RIDES)] : [];
    default:
      return rng() < 0.85 ? [bikeOrRun(ENDURANCE_RIDES, LONG_RUNS)] : [];
  }
}
