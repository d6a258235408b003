import "server-only";
import type { PelotonLifetimeStats } from "@/lib/domain/peloton-connection";
import type { PelotonMe, PelotonOverview } from "../api/profile-schemas";

/**
 * Pure mapping of /api/me + /api/user/{id}/overview into the profile fields we sync (seed "Profile Fields Synced").
 * Lifetime totals (output, distance, calories, pedaling time) are not in either response; the seed computes them
 * from workout details, so they come in through `totals` from the sync job and stay null until then.
 */
export type FtpSource = "workout" | "manual" | "estimated" | "unknown";

export interface PelotonFtp {
  /** Watts to base power zones on. */
  watts: number;
  source: FtpSource;
  /** `cycling_ftp` / `cycling_workout_ftp` / `estimated_cycling_ftp` as Peloton sent it. */
  rawWatts: number;
  /** `cycling_ftp_source` as Peloton sent it. */
  rawSource: string | null;
  /** The FTP test workout when the source is a workout. */
  workoutId: string | null;
}

export interface PelotonPersonalRecord {
  discipline: string;
  slug: string;
  name: string;
  value: number | null;
  unit: string | null;
  workoutId: string | null;
  date: string | null;
}

/** The lifetime totals the sync job computes from workout details (neither profile response has them). */
export type PelotonWorkoutTotals = Partial<
  Pick<PelotonLifetimeStats, "totalOutputKj" | "totalDistance" | "distanceUnit" | "totalCalories" | "totalPedalingDurationSeconds">
>;

export interface PelotonProfile extends PelotonLifetimeStats {
  userId: string;
  /** The leaderboard name. */
  username: string | null;
  displayName: string | null;
  imageUrl: string | null;
  isProfilePrivate: boolean | null;
  /** Epoch ms. */
  memberSince: number | null;
  totalPedalingMetricWorkouts: number | null;
  totalNonPedalingMetricWorkouts: number | null;
  /** Epoch ms. */
  currentWeeklyStreakStartedAt: number | null;
  ftp: PelotonFtp | null;
  /** Customized max HR when set (> 0), else Peloton's default. */
  maxHeartRate: number | null;
  weightLb: number | null;
  heightIn: number | null;
  personalRecords: PelotonPersonalRecord[];
}

const positive = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;
const count = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
const epochMs = (seconds: number | null | undefined): number | null => (positive(seconds) ? seconds * 1000 : null);

/**
 * Peloton's FTP by `cycling_ftp_source`. A manual FTP (`ftp_manual_source`) is stored as the best 20-minute average
 * output, so the usable FTP is 95 % of it, as peloton-to-garmin does (IConverter.GetCyclingFtp; not in our spec or
 * seed, which cite that code for power zones). A workout FTP (`cycling_workout_ftp`) is already the test result.
 * Without a usable value the estimated FTP is the fallback, then a bare `cycling_ftp` of unknown origin.
 */
export function resolveFtp(me: PelotonMe): PelotonFtp | null {
  const rawSource = me.cycling_ftp_source ?? null;
  const workoutId = me.cycling_ftp_workout_id ?? null;
  const ftp = me.cycling_ftp;
  if (rawSource === "ftp_manual_source" && positive(ftp)) {
    return { watts: Math.round(ftp * 0.95), source: "manual", rawWatts: ftp, rawSource, workoutId: null };
  }
  if (rawSource === "ftp_workout_source") {
    const watts = positive(me.cycling_workout_ftp) ? me.cycling_workout_ftp : ftp;
    if (positive(watts)) return { watts, source: "workout", rawWatts: watts, rawSource, workoutId };
  }
  if (positive(me.estimated_cycling_ftp)) {
    const watts = me.estimated_cycling_ftp;
    return { watts, source: "estimated", rawWatts: watts, rawSource, workoutId: null };
  }
  if (positive(ftp)) return { watts: ftp, source: rawSource === "ftp_estimated_source" ? "estimated" : "unknown", rawWatts: ftp, rawSource, workoutId: null };
  return null;
}

type CountItem = { slug?: string | null; name?: string | null; count?: number | null };

function countsBySlug(items: readonly CountItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const key = item.slug || item.name?.toLowerCase().replace(/\s+/g, "_");
    const value = count(item.count);
    if (key && value !== null) out[key] = (out[key] ?? 0) + value;
  }
  return out;
}

function overviewCountItems(overview: PelotonOverview | null): CountItem[] | null {
  const counts = overview?.workout_counts;
  if (!counts) return null;
  return Array.isArray(counts) ? counts : (counts.workouts ?? null);
}

export function achievementsCount(overview: PelotonOverview | null): number | null {
  const counts = overview?.achievement_counts;
  if (typeof counts === "number") return count(counts);
  if (counts && typeof counts === "object") {
    if (count(counts.total_count) !== null) return counts.total_count ?? null;
    if (counts.achievements) return counts.achievements.reduce((sum, a) => sum + (count(a.count) ?? 1), 0);
  }
  if (overview?.achievements) return overview.achievements.reduce((sum, a) => sum + (count(a.count) ?? 1), 0);
  return null;
}

function personalRecords(overview: PelotonOverview | null): PelotonPersonalRecord[] {
  const out: PelotonPersonalRecord[] = [];
  for (const group of overview?.personal_records ?? []) {
    for (const record of group.records ?? []) {
      const numeric = typeof record.raw_value === "number" ? record.raw_value : typeof record.value === "number" ? record.value : null;
      out.push({
        discipline: group.slug ?? group.name ?? "unknown",
        slug: record.slug ?? record.name ?? "unknown",
        name: record.name ?? record.slug ?? "",
        value: numeric,
        unit: record.unit_slug ?? record.unit ?? null,
        workoutId: record.workout_id ?? null,
        date: record.workout_date ?? null,
      });
    }
  }
  return out;
}

function displayName(me: PelotonMe): string | null {
  if (me.name) return me.name;
  const joined = [me.first_name, me.last_name].filter(Boolean).join(" ");
  return joined || null;
}

export function toPelotonProfile(input: { me: PelotonMe; overview?: PelotonOverview | null; totals?: PelotonWorkoutTotals }): PelotonProfile {
  const { me, totals = {} } = input;
  const overview = input.overview ?? null;
  const overviewItems = overviewCountItems(overview);
  const workoutCounts = countsBySlug(overviewItems ?? me.workout_counts ?? []);
  const overviewTotal = overview?.workout_counts && !Array.isArray(overview.workout_counts) ? overview.workout_counts.total_workouts : null;
  const summed = Object.values(workoutCounts).reduce((sum, n) => sum + n, 0);
  const streaks = overview?.streaks;
  return {
    userId: me.id,
    username: me.username ?? null,
    displayName: displayName(me),
    imageUrl: me.image_url ?? null,
    isProfilePrivate: me.is_profile_private ?? null,
    memberSince: epochMs(me.created_at),
    totalWorkouts: count(overviewTotal) ?? count(me.total_workouts) ?? (Object.keys(workoutCounts).length ? summed : null),
    totalPedalingMetricWorkouts: count(me.total_pedaling_metric_workouts),
    totalNonPedalingMetricWorkouts: count(me.total_non_pedaling_metric_workouts),
    totalOutputKj: count(totals.totalOutputKj),
    totalDistance: count(totals.totalDistance),
    distanceUnit: totals.distanceUnit ?? null,
    totalCalories: count(totals.totalCalories),
    totalPedalingDurationSeconds: count(totals.totalPedalingDurationSeconds),
    currentWeeklyStreak: count(streaks?.current_weekly),
    bestWeeklyStreak: count(streaks?.best_weekly),
    currentWeeklyStreakStartedAt: epochMs(streaks?.start_date_of_current_weekly),
    currentDailyStreak: count(streaks?.current_daily),
    achievementsCount: achievementsCount(overview),
    workoutCounts,
    ftp: resolveFtp(me),
    maxHeartRate: positive(me.customized_max_heart_rate) ? me.customized_max_heart_rate : positive(me.default_max_heart_rate) ? me.default_max_heart_rate : null,
    weightLb: positive(me.weight) ? me.weight : null,
    heightIn: positive(me.height) ? me.height : null,
    personalRecords: personalRecords(overview),
  };
}
