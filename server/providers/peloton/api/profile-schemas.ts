import "server-only";
import { z } from "zod";
import { bool, num, personShape, str } from "./schema-kit";

/**
 * Lenient schemas for Peloton's unofficial JSON: unknown keys pass through, nulls are expected, and a scalar of the
 * wrong type becomes null instead of failing the whole response (schema-kit.ts). Only the fields we cannot work
 * without are strict.
 */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().catch(null);

// --- member API (docs/peloton-api.md §5.1–§5.3) ---

export const workoutCountSchema = z.looseObject({
  name: str,
  slug: str,
  count: num,
  icon_url: str,
  workout_name: str,
});

/** `/api/me` and `/api/user/{id}` (the latter returns less for other or private users). */
export const userSchema = z.looseObject({
  ...personShape,
  location: str,
  is_profile_private: bool,
  created_at: num,
  weight: num,
  height: num,
  total_workouts: num,
  total_followers: num,
  total_following: num,
  total_pedaling_metric_workouts: num,
  total_non_pedaling_metric_workouts: num,
  /** Stale on the real service; do not rely on it (docs/peloton-api.md §5.1). */
  last_workout_at: num,
  cycling_ftp: num,
  cycling_ftp_source: str,
  cycling_ftp_workout_id: str,
  cycling_workout_ftp: num,
  estimated_cycling_ftp: num,
  default_max_heart_rate: num,
  customized_max_heart_rate: num,
  default_heart_rate_zones: list(z.number()),
  workout_counts: list(workoutCountSchema),
});
export type PelotonUser = z.output<typeof userSchema>;
/** `/api/me` is the same object family as `/api/user/{id}`. */
export const meSchema = userSchema;
export type PelotonMe = PelotonUser;

export const personalRecordSchema = z.looseObject({
  name: str,
  slug: str,
  value: z.union([z.number(), z.string()]).nullish().catch(null),
  raw_value: num,
  unit: str,
  unit_slug: str,
  workout_id: str,
  workout_date: str,
});

export const achievementSchema = z.looseObject({
  id: str,
  name: str,
  slug: str,
  image_url: str,
  description: str,
  count: num,
});

export const overviewSchema = z.looseObject({
  id: str,
  workout_counts: z
    .union([
      z.looseObject({ total_workouts: num, workouts: list(workoutCountSchema) }),
      z.array(workoutCountSchema),
    ])
    .nullish()
    .catch(null),
  streaks: z
    .looseObject({
      current_weekly: num,
      best_weekly: num,
      start_date_of_current_weekly: num,
      current_daily: num,
      best_daily: num,
    })
    .nullish()
    .catch(null),
  personal_records: list(z.looseObject({ name: str, slug: str, records: list(personalRecordSchema) })),
  achievements: list(achievementSchema),
  /** Seen in 2026 responses (docs/peloton-api.md §5.3); a total and/or per-template counts. */
  achievement_counts: z
    .union([
      z.number(),
      z.looseObject({
        total_count: num,
        achievements: list(z.looseObject({ count: num, template: achievementSchema.nullish().catch(null) })),
      }),
    ])
    .nullish()
    .catch(null),
});
export type PelotonOverview = z.output<typeof overviewSchema>;
