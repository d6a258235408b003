import "server-only";
import { z } from "zod";
import { bool, lenientList, num, numberList, optionalObject, personShape, sampleValues, scalarList, str } from "./schema-kit";
import {
  instructorCueSchema,
  targetClassMetricsSchema,
  targetMetricsDataSchema,
  targetMetricsPerformanceDataSchema,
  targetPerformanceMetricsSchema,
} from "./target-schemas";

/**
 * Lenient zod schemas for the workout side of Peloton's member API (docs/peloton-api.md §5.4–§5.8). Pure: the transform and the
 * inspect tool parse with them too. Only ids we cannot work without are required; everything else may be absent,
 * null or of the wrong type (then null).
 */

/** The ride id of a free ride ("Just Ride", "Just Run", outdoor without a class). Never ask /ride/{id}/details for it. */
export const JUST_RIDE_ID = "00000000000000000000000000000000";

export function isJustRide(rideId: string | null | undefined): boolean {
  return rideId === JUST_RIDE_ID;
}

// --- instructors (docs/peloton-api.md §5.8) ---

export const instructorSchema = z.looseObject({
  ...personShape,
  bio: str,
  short_bio: str,
  coach_type: str,
  fitness_disciplines: scalarList(z.string()),
  is_visible: bool,
  list_order: num,
});
export type PelotonInstructor = z.output<typeof instructorSchema>;

const pagingShape = {
  page: num,
  limit: num,
  total: num,
  count: num,
  page_count: num,
  show_next: bool,
  show_previous: bool,
  sort_by: str,
};

export const instructorListSchema = z.looseObject({ data: lenientList(instructorSchema), ...pagingShape });
export type PelotonInstructorList = z.output<typeof instructorListSchema>;

// --- the class object embedded in a workout (joins=ride,ride.instructor) and in ride details (docs/peloton-api.md §5.5, §5.7) ---

export const rideSchema = z.looseObject({
  id: str,
  title: str,
  description: str,
  duration: num,
  length: num,
  pedaling_start_offset: num,
  pedaling_end_offset: num,
  pedaling_duration: num,
  instructor_id: str,
  instructor: optionalObject(instructorSchema),
  fitness_discipline: str,
  difficulty_estimate: num,
  difficulty_rating_avg: num,
  class_type_ids: scalarList(z.string()),
  image_url: str,
  original_air_time: num,
  has_pedaling_metrics: bool,
  is_fixed_distance: bool,
  distance: num,
  distance_unit: str,
  distance_display_value: str,
  metrics: scalarList(z.string()),
});
export type PelotonRide = z.output<typeof rideSchema>;

// --- workouts (docs/peloton-api.md §5.4, §5.5) ---

const heartRateZoneDurationsSchema = z.looseObject({
  heart_rate_z1_duration: num,
  heart_rate_z2_duration: num,
  heart_rate_z3_duration: num,
  heart_rate_z4_duration: num,
  heart_rate_z5_duration: num,
});

export const effortZonesSchema = z.looseObject({
  total_effort_points: num,
  heart_rate_zone_durations: optionalObject(heartRateZoneDurationsSchema),
});

export const workoutSchema = z.looseObject({
  id: z.string().min(1),
  user_id: str,
  status: str,
  created_at: num,
  device_time_created_at: num,
  start_time: num,
  end_time: num,
  timezone: str,
  fitness_discipline: str,
  metrics_type: str,
  device_type: str,
  device_type_display_name: str,
  platform: str,
  name: str,
  title: str,
  workout_type: str,
  is_outdoor: bool,
  peloton_id: str,
  total_work: num,
  is_total_work_personal_record: bool,
  has_pedaling_metrics: bool,
  has_leaderboard_metrics: bool,
  leaderboard_rank: num,
  total_leaderboard_users: num,
  ftp_info: optionalObject(z.looseObject({ ftp: num, ftp_source: str, ftp_workout_id: str })),
  effort_zones: optionalObject(effortZonesSchema),
  total_heart_rate_zone_durations: optionalObject(heartRateZoneDurationsSchema),
  has_paused: bool,
  ride: optionalObject(rideSchema),
});
export type PelotonWorkout = z.output<typeof workoutSchema>;

export const workoutListSchema = z.looseObject({
  data: lenientList(workoutSchema),
  ...pagingShape,
  /** Appears to point at the first item of the next page (docs/peloton-api.md §5.4 [?]); paging uses page/show_next. */
  next: optionalObject(z.looseObject({ workout_id: str, created_at: num })),
});
export type PelotonWorkoutList = z.output<typeof workoutListSchema>;

// --- performance graph (docs/peloton-api.md §5.6) ---

export const segmentSchema = z.looseObject({
  id: str,
  name: str,
  length: num,
  start_time_offset: num,
  icon_slug: str,
  icon_name: str,
  metrics_type: str,
  intensity_in_mets: num,
  is_drill: bool,
});

const summarySchema = z.looseObject({ display_name: str, display_unit: str, value: num, slug: str });
export type PelotonSummaryItem = z.output<typeof summarySchema>;

const metricShape = {
  display_name: str,
  display_unit: str,
  slug: str,
  max_value: num,
  average_value: num,
  values: sampleValues,
  missing_data_duration: num,
  zones: lenientList(
    z.looseObject({ display_name: str, slug: str, range: str, duration: num, min_value: num, max_value: num }),
  ),
};
export const graphMetricSchema = z.looseObject({
  ...metricShape,
  alternatives: lenientList(z.looseObject(metricShape)),
});
export type PelotonGraphMetric = z.output<typeof graphMetricSchema>;

export const locationSegmentSchema = z.looseObject({
  segment_id: str,
  is_gap: bool,
  coordinates: lenientList(
    z.looseObject({
      seconds_offset_from_start: num,
      latitude: num,
      longitude: num,
      accuracy: num,
      distance: num,
      distance_display_unit: str,
    }),
  ),
});

export const performanceGraphSchema = z.looseObject({
  duration: num,
  is_class_plan_shown: bool,
  segment_list: lenientList(segmentSchema),
  seconds_since_pedaling_start: numberList,
  average_summaries: lenientList(summarySchema),
  summaries: lenientList(summarySchema),
  metrics: lenientList(graphMetricSchema),
  has_apple_watch_metrics: bool,
  location_data: lenientList(locationSegmentSchema),
  is_location_data_accurate: bool,
  splits_data: optionalObject(
    z.looseObject({
      distance_marker_display_unit: str,
      elevation_change_display_unit: str,
      splits: lenientList(
        z.looseObject({ seconds: num, distance_marker: num, elevation_change: num, order: num, is_best: bool }),
      ),
    }),
  ),
  splits_metrics: optionalObject(
    z.looseObject({
      header: lenientList(z.looseObject({ slug: str, display_name: str })),
      metrics: lenientList(
        z.looseObject({ is_best: bool, data: lenientList(z.looseObject({ slug: str, value: z.unknown(), unit: str })) }),
      ),
    }),
  ),
  target_metrics_performance_data: optionalObject(targetMetricsPerformanceDataSchema),
  target_performance_metrics: optionalObject(targetPerformanceMetricsSchema),
  effort_zones: optionalObject(effortZonesSchema),
});
export type PelotonPerformanceGraph = z.output<typeof performanceGraphSchema>;

// --- ride details (docs/peloton-api.md §5.7) ---

export const rideDetailsSchema = z.looseObject({
  ride: rideSchema.extend({ id: z.string().min(1) }),
  class_types: lenientList(z.looseObject({ id: str, name: str })),
  is_ftp_test: bool,
  is_power_zone_class: bool,
  segments: optionalObject(z.looseObject({ segment_list: lenientList(segmentSchema) })),
  instructor_cues: lenientList(instructorCueSchema),
  target_metrics_data: optionalObject(targetMetricsDataSchema),
  target_class_metrics: optionalObject(targetClassMetricsSchema),
});
export type PelotonRideDetails = z.output<typeof rideDetailsSchema>;
