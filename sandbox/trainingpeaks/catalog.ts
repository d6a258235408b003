import { seededRandom } from "../shared/http";
import { type SeedAthlete, SEED_ATHLETES } from "./athletes";
import { localDay, weekday } from "./dates";
import { sessionsForDay } from "./workout-templates";
import { buildWorkout, type TpWorkout } from "./workouts";

export interface CatalogOptions {
  /** Base URL for each workout's read-only `Url`. */
  publicUrl: string;
  /** Days of completed history before the anchor day. */
  historyDays?: number;
  /** Days of planned workouts from the anchor day on. */
  futureDays?: number;
}

/** Fields W:Premium says come back null for basic athletes. */
const PREMIUM_FIELDS = [
  "Calories", "CaloriesPlanned", "VelocityAverage", "VelocityMaximum", "NormalizedSpeed",
  "HeartRateAverage", "HeartRateMinimum", "HeartRateMaximum", "NormalizedPower", "PowerAverage", "PowerMaximum",
  "Energy", "EnergyPlanned", "TorqueAverage", "TorqueMaximum", "TssActual", "TssPlanned", "TssCalculationMethod",
  "IF", "IFPlanned", "ElevationGain", "ElevationLoss", "ElevationMinimum", "ElevationAverage", "ElevationMaximum",
  "TempMin", "TempAvg", "TempMax", "CadenceAverage", "CadenceMaximum", "Rpe", "Feeling", "Tags",
] as const satisfies readonly (keyof TpWorkout)[];

const ID_BASE = 3_500_000_000;

function daySeed(athleteId: number, day: number): number {
  return (Math.imul(athleteId, 0x9e3779b1) ^ Math.imul(day + 1, 0x85ebca6b)) >>> 0;
}

function startSecond(rng: () => number, day: number, slot: number): number {
  const minutes = (from: number, to: number) => Math.round((from + (to - from) * rng()) / 5) * 5 * 60;
  if (slot > 0) return minutes(19 * 60 + 30, 20 * 60 + 30);
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return minutes(8 * 60, 10 * 60);
  return rng() < 0.6 ? minutes(6 * 60, 7 * 60 + 30) : minutes(17 * 60 + 30, 19 * 60);
}

/**
 * Every athlete's workouts, generated once at startup. Each day is seeded from (athlete, date) alone,
 * so a date always holds the same workouts; the anchor (today in the athlete's time zone at startup)
 * only decides which days exist and which are completed rather than planned.
 */
export class WorkoutCatalog {
  private readonly byAthlete = new Map<number, TpWorkout[]>();

  constructor(nowMs: number, options: CatalogOptions) {
    const historyDays = options.historyDays ?? 120;
    const futureDays = options.futureDays ?? 10;
    SEED_ATHLETES.forEach((athlete, athleteIndex) => {
      const anchor = localDay(nowMs, athlete.timeZone);
      const workouts: TpWorkout[] = [];
      for (let day = anchor - historyDays; day <= anchor + futureDays; day++) {
        const rng = seededRandom(daySeed(athlete.id, day));
        const skipped = day < anchor && rng() < 0.06;
        const sessions = sessionsForDay(rng, day, athlete);
        if (skipped) continue;
        sessions.forEach((template, slot) => {
          const missed = day < anchor && rng() < 0.03;
          const id = ID_BASE + day * 100 + athleteIndex * 10 + slot;
          workouts.push(
            buildWorkout(
              {
                id,
                athlete,
                day,
                startSecond: startSecond(rng, day, slot),
                template,
                status: day < anchor && !missed ? "completed" : "planned",
                withPlan: rng() < 0.3,
                url: `${options.publicUrl}/workout/${id}`,
              },
              rng,
            ),
          );
        });
      }
      workouts.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      this.byAthlete.set(athlete.id, workouts);
    });
  }

  /** Workouts whose WorkoutDay lies in [start, end] (inclusive `YYYY-MM-DD` strings). */
  listRange(athleteId: number, start: string, end: string): TpWorkout[] {
    return (this.byAthlete.get(athleteId) ?? []).filter((w) => {
      const day = w.WorkoutDay.slice(0, 10);
      return day >= start && day <= end;
    });
  }

  find(athleteId: number, id: number): TpWorkout | undefined {
    return this.byAthlete.get(athleteId)?.find((w) => w.Id === id);
  }

  /**
   * Insert a workout (an upload) where the (day, start, id) order puts it. A workout with the same Id is
   * replaced (an upload completing a planned workout) and returned so it can be restored.
   */
  add(athleteId: number, workout: TpWorkout): TpWorkout | undefined {
    if (workout.AthleteId !== athleteId) throw new Error(`Workout ${workout.Id} belongs to athlete ${workout.AthleteId}, not ${athleteId}`);
    const workouts = this.byAthlete.get(athleteId) ?? [];
    const existing = workouts.findIndex((w) => w.Id === workout.Id);
    const replaced = existing >= 0 ? workouts.splice(existing, 1)[0] : undefined;
    const key = sortKey(workout);
    const after = workouts.findIndex((w) => sortKey(w).localeCompare(key) > 0);
    workouts.splice(after < 0 ? workouts.length : after, 0, workout);
    this.byAthlete.set(athleteId, workouts);
    return replaced;
  }

  remove(athleteId: number, id: number): boolean {
    const workouts = this.byAthlete.get(athleteId) ?? [];
    const index = workouts.findIndex((w) => w.Id === id);
    if (index >= 0) workouts.splice(index, 1);
    return index >= 0;
  }

  /** The athlete's completed workout that started at this local time (`YYYY-MM-DDTHH:mm:ss`), if any. */
  completedAt(athleteId: number, startTime: string): TpWorkout | undefined {
    return this.byAthlete.get(athleteId)?.find((w) => w.Completed && w.StartTime === startTime);
  }

  /** Any athlete's workout (the simulator's own "open in TrainingPeaks" page). */
  findAny(id: number): TpWorkout | undefined {
    for (const workouts of this.byAthlete.values()) {
      const found = workouts.find((w) => w.Id === id);
      if (found) return found;
    }
    return undefined;
  }
}

function sortKey(w: TpWorkout): string {
  return `${w.WorkoutDay}|${w.StartTime ?? w.StartTimePlanned ?? ""}|${w.Id}`;
}

/** A workout as responses send it: absent values are left out rather than sent as null. */
export type PresentedWorkout = Partial<Record<keyof TpWorkout | "TSSPlanned", unknown>> & Pick<TpWorkout, "Id" | "AthleteId">;

/**
 * The workout as the API returns it to this athlete, with the variations real responses show (docs/trainingpeaks-api.md
 * §5.3 and docs/trainingpeaks-api.md §8.7), decided by the workout's id so a workout always looks the same:
 * - keys without a value are omitted (a basic athlete's premium fields are simply not there);
 * - one completed workout in seven says `Completed: false` although it has its recording (time, distance, figures);
 * - one in eleven has no `WorkoutDay` (its start says the day);
 * - one planned TSS in four is spelled `TSSPlanned`, the write spelling, instead of `TssPlanned`.
 */
export function presentWorkout(workout: TpWorkout, athlete: SeedAthlete, includeDescription: boolean): PresentedWorkout {
  const full: TpWorkout = { ...workout, Description: includeDescription ? workout.Description : null };
  if (!athlete.isPremium) {
    for (const field of PREMIUM_FIELDS) full[field] = null;
  }
  const out: PresentedWorkout = { Id: full.Id, AthleteId: full.AthleteId };
  for (const [key, value] of Object.entries(full)) if (value !== null) out[key as keyof TpWorkout] = value;
  if (full.Completed && full.Id % 7 === 3) out.Completed = false;
  if (full.Id % 11 === 5 && (full.StartTime ?? full.StartTimePlanned)) delete out.WorkoutDay;
  if (full.TssPlanned !== null && full.Id % 4 === 1) {
    delete out.TssPlanned;
    out.TSSPlanned = full.TssPlanned;
  }
  return out;
}
