import type { ScoreMethod } from "./analytics";

/** The training calendar's shapes (pure types): workouts by local day, TrainingPeaks plans, and totals. */

export interface CalendarWorkout {
  id: string;
  title: string;
  discipline: string;
  /** local day in the user's zone */
  day: string;
  startTime: string;
  durationSeconds: number | null;
  distanceMeters: number | null;
  workKj: number | null;
  score: number | null;
  scoreMethod: ScoreMethod | null;
}

/** A TrainingPeaks workout with a plan (planned, or completed against a plan). */
export interface PlannedWorkout {
  id: string;
  day: string;
  title: string;
  /** TrainingPeaks workout type: Bike, Run, Strength, … */
  type: string;
  plannedSeconds: number | null;
  plannedTss: number | null;
  plannedDistanceMeters: number | null;
  url: string | null;
}

export interface CalendarTotals {
  seconds: number;
  distanceMeters: number;
  workKj: number;
  score: number;
  workouts: number;
}

export const EMPTY_TOTALS: CalendarTotals = { seconds: 0, distanceMeters: 0, workKj: 0, score: 0, workouts: 0 };

export interface CalendarDay {
  day: string;
  /** in the month shown (month view); always true in the week view */
  inRange: boolean;
  workouts: CalendarWorkout[];
}

export interface CalendarWeek {
  /** Monday */
  start: string;
  days: CalendarDay[];
  totals: CalendarTotals;
}

export type CalendarMode = "month" | "week";

export interface CalendarView {
  mode: CalendarMode;
  /** the first day of the month, or the Monday of the week */
  anchor: string;
  from: string;
  to: string;
  weeks: CalendarWeek[];
  /** the month shown (month view) or the week's month (week view) */
  monthTotals: CalendarTotals;
  yearTotals: CalendarTotals;
  year: number;
  today: string;
}
