import type { ComparisonMetrics } from "@/lib/domain/activity";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";

/** Realistic TrainingPeaks activities and our figures for the compare unit tests (a Denver athlete, FTP 265 W). */

export function tpActivity(overrides: Partial<TrainingPeaksActivity> = {}): TrainingPeaksActivity {
  return {
    id: "3518400833",
    day: "2026-05-02",
    startTime: "2026-05-02T07:12:05",
    startTimeLocal: "2026-05-02T07:12:05",
    title: "Endurance ride",
    type: "Bike",
    completed: true,
    durationSeconds: 7308,
    plannedDurationSeconds: null,
    distanceMeters: 61234.5,
    tss: 118.4,
    intensityFactor: 0.74,
    avgPower: 182,
    maxPower: 512,
    normalizedPower: 197,
    avgHeartRate: 138,
    avgCadence: 88,
    calories: 1320,
    url: "https://app.trainingpeaks.com/workout/3518400833",
    ...overrides,
  };
}

/** The same fields a basic (free) athlete gets: premium-only figures are null (docs/trainingpeaks-api.md §5.3). */
export function basicTpActivity(overrides: Partial<TrainingPeaksActivity> = {}): TrainingPeaksActivity {
  return tpActivity({ tss: null, intensityFactor: null, avgPower: null, maxPower: null, normalizedPower: null, avgHeartRate: null, avgCadence: null, calories: null, ...overrides });
}

/** Our figures for that ride, from a head unit: a little different, as two computations of one file are. */
export function ourMetrics(overrides: Partial<ComparisonMetrics> = {}): ComparisonMetrics {
  return {
    durationSeconds: 7302,
    distanceMeters: 61190.26,
    avgPower: 181.64,
    maxPower: 515,
    normalizedPower: 196.48,
    intensityFactor: 0.741434,
    tss: 111.49,
    avgHeartRate: 137.6,
    avgCadence: 87.9,
    ftp: 265,
    ...overrides,
  };
}

/** 07:12:05 in Denver (MDT, UTC−6) on 2 May 2026. */
export const RIDE_START = new Date("2026-05-02T13:12:05Z");
