import { JUST_RIDE_ID } from "./constants";
import { hexId } from "./ids";
import { classTypeId } from "./catalog";
import { instructorId, instructorJson } from "./instructors";
import type { ClassPlan, Discipline } from "./types";

export const DISCIPLINE_NAMES: Record<Discipline, string> = {
  cycling: "Cycling", running: "Running", walking: "Walking", caesar: "Rowing", strength: "Strength", yoga: "Yoga",
  meditation: "Meditation", stretching: "Stretching",
};

function popularity(plan: ClassPlan): { workouts: number; ratings: number } {
  return { workouts: 2000 + (plan.seed % 90000), ratings: 150 + (plan.seed % 9000) };
}

function metricsOf(plan: ClassPlan): string[] {
  if (plan.discipline === "cycling") return ["heart_rate", "cadence", "calories"];
  if (plan.kind === "tread_run" || plan.kind === "tread_walk") return ["heart_rate", "speed", "calories"];
  if (plan.discipline === "meditation") return [];
  return ["heart_rate", "calories"];
}

/** The class object (`ride`) as embedded in workouts and returned by /api/ride/{id}. */
export function rideJson(plan: ClassPlan, withInstructor: boolean): Record<string, unknown> {
  if (plan.rideId === JUST_RIDE_ID) {
    // Shape of a free ride as Peloton returns it: mostly nulls and zeros (P2G fixture cycling_just_ride.json).
    return {
      id: JUST_RIDE_ID, title: `${Math.max(1, Math.round(plan.duration / 60))} min Just Ride`, description: null, duration: plan.duration,
      length: 0, pedaling_start_offset: 0, pedaling_end_offset: 0, pedaling_duration: 0, instructor_id: null, fitness_discipline: null,
      fitness_discipline_display_name: null, class_type_ids: null, content_provider: null, content_format: null, difficulty_estimate: 0,
      overall_estimate: 0, difficulty_rating_avg: 0, difficulty_rating_count: 0, equipment_ids: null, has_pedaling_metrics: false,
      image_url: null, is_archived: false, metrics: null, ...(withInstructor ? { instructor: null } : {}),
    };
  }
  const { workouts, ratings } = popularity(plan);
  const classType = classTypeId(plan);
  const ride: Record<string, unknown> = {
    id: plan.rideId,
    title: plan.title,
    description: plan.description,
    duration: plan.duration,
    length: plan.length,
    pedaling_start_offset: plan.pedalingStart,
    pedaling_end_offset: plan.pedalingStart + plan.duration,
    pedaling_duration: plan.duration,
    instructor_id: plan.instructorKey ? instructorId(plan.instructorKey) : null,
    fitness_discipline: plan.discipline,
    fitness_discipline_display_name: DISCIPLINE_NAMES[plan.discipline],
    difficulty_estimate: plan.difficulty,
    difficulty_rating_avg: plan.difficulty,
    difficulty_rating_count: ratings,
    difficulty_level: null,
    overall_estimate: 0.99,
    overall_rating_avg: 0.99,
    overall_rating_count: ratings,
    class_type_ids: [classType],
    ride_type_id: classType,
    ride_type_ids: [classType],
    image_url: `https://example.invalid/rides/${plan.rideId}.png`,
    original_air_time: plan.originalAirTime,
    scheduled_start_time: plan.originalAirTime,
    is_archived: true,
    is_explicit: false,
    explicit_rating: 0,
    language: "english",
    origin_locale: "en-US",
    location: plan.isOutdoor ? "outdoor" : "psny-studio-1",
    metrics: metricsOf(plan),
    equipment_ids: plan.discipline === "strength" ? [hexId("equipment:dumbbells")] : [],
    equipment_tags: plan.discipline === "strength" ? [{ id: hexId("equipment:dumbbells"), name: "Dumbbells", slug: "dumbbells", icon_url: "https://example.invalid/dumbbells.png" }] : [],
    has_pedaling_metrics: plan.discipline === "cycling" || plan.kind === "tread_run" || plan.kind === "tread_walk",
    has_closed_captions: true,
    content_provider: "peloton",
    content_format: plan.isOutdoor || plan.discipline === "meditation" ? "audio" : "video",
    is_fixed_distance: false,
    distance: null,
    distance_unit: null,
    distance_display_value: null,
    availability: { is_available: true, reason: null },
    total_workouts: workouts,
    total_user_workouts: 0,
    total_in_progress_workouts: workouts % 7,
    total_ratings: ratings,
    is_favorite: false,
    home_peloton_id: hexId(`home-peloton:${plan.rideId}`),
    series_id: hexId(`series:${plan.kind}`),
    vod_stream_url: `https://example.invalid/vod/${plan.rideId}/master.m3u8`,
    vod_stream_id: `${plan.rideId}-vod`,
    flags: [],
    extra_images: [],
  };
  if (withInstructor) ride.instructor = plan.instructorKey ? (instructorJson(plan.instructorKey) ?? null) : null;
  return ride;
}
