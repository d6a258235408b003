import { EMPTY_TOTALS, type CalendarDay, type CalendarMode, type CalendarTotals, type CalendarView, type CalendarWeek, type CalendarWorkout, type PlannedWorkout } from "@/lib/domain/calendar";
import { addDays } from "@/lib/time/time-zone";
import { isDay } from "@/lib/time/day";

/**
 * The calendar's shape (pure): which days a month or week view spans (weeks start on Monday, as TrainingPeaks'), the
 * workouts of each day, weekly and monthly totals, and which TrainingPeaks plan each workout fulfils.
 */
export { isDay };

/** Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

export function monthEnd(day: string): string {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

/** The anchor of a view (first of the month / Monday), the days it shows, and its neighbours' anchors. */
export function calendarRange(mode: CalendarMode, day: string): { anchor: string; from: string; to: string; prev: string; next: string } {
  if (mode === "week") {
    const anchor = mondayOf(day);
    return { anchor, from: anchor, to: addDays(anchor, 6), prev: addDays(anchor, -7), next: addDays(anchor, 7) };
  }
  const anchor = monthStart(day);
  const last = monthEnd(anchor);
  return { anchor, from: mondayOf(anchor), to: addDays(mondayOf(last), 6), prev: monthStart(addDays(anchor, -1)), next: addDays(last, 1) };
}

export function addTotals(totals: CalendarTotals, w: CalendarWorkout): CalendarTotals {
  return {
    seconds: totals.seconds + (w.durationSeconds ?? 0),
    distanceMeters: totals.distanceMeters + (w.distanceMeters ?? 0),
    workKj: totals.workKj + (w.workKj ?? 0),
    score: totals.score + (w.score ?? 0),
    workouts: totals.workouts + 1,
  };
}

export function buildCalendar(input: { mode: CalendarMode; day: string; today: string; workouts: readonly CalendarWorkout[]; yearTotals: CalendarTotals }): CalendarView {
  const { anchor, from, to } = calendarRange(input.mode, input.day);
  const byDay = new Map<string, CalendarWorkout[]>();
  for (const w of [...input.workouts].sort((a, b) => a.startTime.localeCompare(b.startTime))) {
    if (w.day < from || w.day > to) continue;
    byDay.set(w.day, [...(byDay.get(w.day) ?? []), w]);
  }
  const month = anchor.slice(0, 7);
  const weeks: CalendarWeek[] = [];
  let monthTotals = EMPTY_TOTALS;
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const days: CalendarDay[] = Array.from({ length: 7 }, (_, i) => {
      const day = addDays(start, i);
      return { day, inRange: input.mode === "week" || day.startsWith(month), workouts: byDay.get(day) ?? [] };
    });
    const totals = days.flatMap((d) => d.workouts).reduce(addTotals, EMPTY_TOTALS);
    monthTotals = days.filter((d) => d.day.startsWith(month)).flatMap((d) => d.workouts).reduce(addTotals, monthTotals);
    weeks.push({ start, days, totals });
  }
  return { mode: input.mode, anchor, from, to, weeks, monthTotals, yearTotals: input.yearTotals, year: Number(anchor.slice(0, 4)), today: input.today };
}

/** TrainingPeaks workout types → the Peloton disciplines that fulfil them. */
const PLAN_DISCIPLINES: Record<string, readonly string[]> = {
  bike: ["cycling", "bike_bootcamp"],
  mtb: ["cycling"],
  run: ["running", "walking"],
  walk: ["walking", "running"],
  strength: ["strength", "circuit", "bike_bootcamp", "caesar_bootcamp"],
  rowing: ["caesar", "caesar_bootcamp"],
  "x-train": ["cardio", "circuit", "strength", "yoga", "stretching"],
  other: ["yoga", "stretching", "meditation", "cardio"],
};

/**
 * Plan ↔ workout pairs on the same day: each plan takes the workout of a matching discipline whose duration is closest
 * to the plan's, and a workout fulfils at most one plan.
 */
export function matchPlans(plans: readonly PlannedWorkout[], workouts: readonly CalendarWorkout[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  for (const plan of [...plans].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))) {
    const fits = PLAN_DISCIPLINES[plan.type.toLowerCase()] ?? [];
    const candidates = workouts.filter((w) => w.day === plan.day && !taken.has(w.id) && fits.includes(w.discipline));
    const target = plan.plannedSeconds ?? 0;
    const best = candidates.sort((a, b) => Math.abs((a.durationSeconds ?? 0) - target) - Math.abs((b.durationSeconds ?? 0) - target))[0];
    if (best) {
      pairs.set(plan.id, best.id);
      taken.add(best.id);
    }
  }
  return pairs;
}
