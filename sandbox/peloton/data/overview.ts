import { hexId } from "./ids";
import { cyclingRecords } from "./records";
import type { DataStore, MemberData } from "./store";
import { isoDate, localDay, localSeconds } from "./tz";
import type { WorkoutHeader } from "./types";

const COUNT_SLUGS: Array<[string, string]> = [
  ["cycling", "Cycling"], ["running", "Running"], ["walking", "Walking"], ["caesar", "Rowing"], ["strength", "Strength"],
  ["yoga", "Yoga"], ["meditation", "Meditation"], ["stretching", "Stretching"], ["cardio", "Cardio"], ["circuit", "Bootcamp"],
  ["bike_bootcamp", "Bike Bootcamp"], ["caesar_bootcamp", "Row Bootcamp"],
];

export function workoutCounts(data: MemberData): Array<{ name: string; slug: string; count: number; icon_url: string; workout_name: string }> {
  const counts = new Map<string, number>();
  for (const w of data.workouts) counts.set(w.plan.discipline, (counts.get(w.plan.discipline) ?? 0) + 1);
  return COUNT_SLUGS.map(([slug, name]) => ({ name, slug, count: counts.get(slug) ?? 0, icon_url: `https://example.invalid/workout-icons/${slug}.png`, workout_name: name }))
    .sort((a, b) => b.count - a.count);
}

interface Template {
  id: string;
  name: string;
  slug: string;
  image_url: string;
  description: string;
}

const template = (slug: string, name: string, description: string): Template => ({
  id: hexId(`achievement:${slug}`), name, slug, image_url: `https://example.invalid/achievements/${slug}.png`, description,
});

export const ACHIEVEMENTS = {
  bestOutput: template("best_output", "Best Output", "Awarded for achieving a new personal best output."),
  earlyBird: template("early_bird", "Early Bird", "Awarded for completing a workout before 7 AM."),
  nightOwl: template("night_owl", "Night Owl", "Awarded for completing a workout after 9 PM."),
  century: template("century_club", "Century Club", "Awarded for completing your 100th ride."),
};

const localHour = (tz: string, epoch: number) => Math.floor((localSeconds(tz, epoch) % 86400) / 3600);

/** Achievements one workout earned (the `achievement_templates` of /api/workout/{id}). */
export function achievementsFor(data: MemberData, header: WorkoutHeader, isPr: boolean): Template[] {
  const out: Template[] = [];
  if (header.status !== "COMPLETE") return out;
  if (isPr) out.push(ACHIEVEMENTS.bestOutput);
  const hour = localHour(data.member.timezone, header.startTime);
  if (hour < 7) out.push(ACHIEVEMENTS.earlyBird);
  if (hour >= 21) out.push(ACHIEVEMENTS.nightOwl);
  if (header.plan.discipline === "cycling") {
    const rides = data.workouts.filter((w) => w.plan.discipline === "cycling");
    if (rides.indexOf(header) === 99) out.push(ACHIEVEMENTS.century);
  }
  return out;
}

/** Consecutive runs of periods (weeks or days) with a workout; "current" may end this period or the last. */
function runs(periods: Set<number>, now: number): { current: number; best: number; currentStart: number | null } {
  const sorted = [...periods].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === (sorted[i - 1] ?? 0) + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  const end = periods.has(now) ? now : periods.has(now - 1) ? now - 1 : undefined;
  if (end === undefined) return { current: 0, best, currentStart: null };
  let current = 0;
  while (periods.has(end - current)) current++;
  return { current, best, currentStart: end - current + 1 };
}

/** `/api/user/{id}/overview` (docs/peloton-api.md §5.3), consistent with the generated workouts. */
export function overviewJson(store: DataStore, data: MemberData, nowSeconds: number): Record<string, unknown> {
  const tz = data.member.timezone;
  const complete = data.workouts.filter((w) => w.status === "COMPLETE");
  // Weeks start on Monday (local); local day 4 (1970-01-05) was a Monday.
  const week = (epoch: number) => Math.floor((localDay(tz, epoch) - 4) / 7);
  const weekly = runs(new Set(complete.map((w) => week(w.createdAt))), week(nowSeconds));
  const daily = runs(new Set(complete.map((w) => localDay(tz, w.createdAt))), localDay(tz, nowSeconds));
  const localMidnight = (day: number) => day * 86400 - (localSeconds(tz, day * 86400) - day * 86400);
  const records = cyclingRecords(store, data);
  const hours = complete.map((w) => localHour(tz, w.startTime));
  const counts = new Map<string, number>([
    [ACHIEVEMENTS.bestOutput.slug, records.prIds.size],
    [ACHIEVEMENTS.earlyBird.slug, hours.filter((h) => h < 7).length],
    [ACHIEVEMENTS.nightOwl.slug, hours.filter((h) => h >= 21).length],
    [ACHIEVEMENTS.century.slug, data.workouts.filter((w) => w.plan.discipline === "cycling").length >= 100 ? 1 : 0],
  ]);
  const earned = Object.values(ACHIEVEMENTS).filter((t) => (counts.get(t.slug) ?? 0) > 0);
  const firstRide = data.workouts.find((w) => w.plan.discipline === "cycling");
  return {
    id: data.member.userId,
    workout_counts: { total_workouts: data.workouts.length, workouts: workoutCounts(data) },
    personal_records: records.best.size
      ? [{
          name: "Cycling",
          slug: "cycling",
          first_workout_date: firstRide ? isoDate(tz, firstRide.createdAt) : null,
          reset_date: null,
          records: [...records.best].sort(([a], [b]) => a - b).map(([minutes, best]) => ({
            name: `${minutes} min`,
            slug: `${minutes}_min`,
            value: Math.round(best.totalWork / 1000),
            raw_value: Math.round(best.totalWork / 100) / 10,
            unit: "kj",
            unit_slug: "kj",
            workout_id: best.header.id,
            workout_date: isoDate(tz, best.header.createdAt),
          })),
        }]
      : [],
    streaks: {
      current_weekly: weekly.current,
      best_weekly: weekly.best,
      start_date_of_current_weekly: weekly.currentStart === null ? null : localMidnight(weekly.currentStart * 7 + 4),
      current_daily: daily.current,
      best_daily: daily.best,
      start_date_of_current_daily: daily.currentStart === null ? null : localMidnight(daily.currentStart),
    },
    achievements: earned,
    // Key seen live in 2026 [PYL PR#41]; its inner shape is this simulator's guess.
    achievement_counts: {
      total_count: [...counts.values()].reduce((a, b) => a + b, 0),
      achievements: earned.map((t) => ({ template: t, count: counts.get(t.slug) ?? 0 })),
    },
  };
}
