import { createHash } from "node:crypto";
import { round } from "./ride-sim";

/**
 * Builders for Peloton-shaped JSON (docs/peloton-api.md §5.4–§5.8), so every fixture carries the same realistic envelope: snake_case
 * keys, epoch seconds, nulls where Peloton sends them, the extra keys clients ignore.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A stable 32-hex id from a label (ids in fixtures are made up, as in the spec). */
export const hexId = (label: string) => createHash("md5").update(`autocoach-fixture:${label}`).digest("hex");

export const JUST_RIDE = "00000000000000000000000000000000";
export const USER_ID = "5f3c1a2b9d8e4f60a1b2c3d4e5f60718";

export function instructor(slug: string, name: string, disciplines: string[], extra: JsonObject = {}): JsonObject {
  const [first = name, last = ""] = name.split(" ");
  return {
    id: hexId(`instructor:${slug}`),
    name,
    first_name: first,
    last_name: last,
    username: slug,
    user_id: hexId(`instructor-user:${slug}`),
    bio: `${first} is a made-up instructor for AutoCoach's fixtures.`,
    short_bio: "Synthetic coach.",
    quote: "Find your edge.",
    background: "Fixture data.",
    coach_type: "peloton_coach",
    fitness_disciplines: disciplines,
    is_visible: true,
    is_filterable: true,
    is_instructor_group: false,
    is_announced: true,
    list_order: 10,
    featured_profile: false,
    image_url: `https://example.invalid/instructors/${slug}.png`,
    about_image_url: `https://example.invalid/instructors/${slug}-about.png`,
    jumbotron_url: null,
    instagram_profile: null,
    strava_profile: null,
    twitter_profile: null,
    spotify_playlist_uri: null,
    ordered_q_and_as: [["Favourite cue?", "Breathe."]],
    workout_share_images: [],
    ...extra,
  };
}

export interface RideInput {
  id: string;
  title: string;
  discipline: string;
  duration: number;
  instructor: JsonObject | null;
  pedalingStart?: number;
  classTypeIds?: string[];
  difficulty?: number | null;
  fixedDistance?: { distance: number; unit: string } | null;
  metrics?: string[];
  airTime?: number;
}

export function rideObject(r: RideInput): JsonObject {
  const start = r.pedalingStart ?? 60;
  const free = r.id === JUST_RIDE;
  return {
    id: r.id,
    title: r.title,
    description: free ? "" : `A made-up ${Math.round(r.duration / 60)} minute class for AutoCoach's fixtures.`,
    duration: r.duration,
    length: free ? r.duration : r.duration + start + 60,
    pedaling_start_offset: start,
    pedaling_end_offset: start + r.duration,
    pedaling_duration: r.duration,
    instructor_id: r.instructor ? (r.instructor.id ?? null) : null,
    fitness_discipline: r.discipline,
    fitness_discipline_display_name: r.discipline === "caesar" ? "Rowing" : r.discipline.replace(/^./, (c) => c.toUpperCase()),
    difficulty_estimate: free ? 0 : (r.difficulty ?? 7.1),
    difficulty_rating_avg: free ? 0 : (r.difficulty ?? 7.1),
    difficulty_rating_count: free ? 0 : 4212,
    difficulty_level: null,
    overall_estimate: free ? 0 : 0.99,
    overall_rating_avg: free ? 0 : 0.99,
    overall_rating_count: free ? 0 : 5120,
    class_type_ids: r.classTypeIds ?? [],
    ride_type_id: r.classTypeIds?.[0] ?? null,
    ride_type_ids: r.classTypeIds ?? [],
    image_url: free ? null : `https://example.invalid/rides/${r.id}.png`,
    original_air_time: free ? 0 : (r.airTime ?? 1738000000),
    scheduled_start_time: free ? 0 : (r.airTime ?? 1738000000),
    is_archived: !free,
    is_explicit: false,
    language: "english",
    origin_locale: "en-US",
    location: free ? "" : "psny-studio-1",
    metrics: r.metrics ?? ["heart_rate", "cadence", "calories"],
    equipment_ids: [],
    equipment_tags: [],
    has_pedaling_metrics: ["cycling", "bike_bootcamp"].includes(r.discipline),
    has_closed_captions: !free,
    content_provider: "peloton",
    content_format: free ? "audio" : "video",
    is_fixed_distance: Boolean(r.fixedDistance),
    distance: r.fixedDistance?.distance ?? null,
    distance_unit: r.fixedDistance?.unit ?? null,
    distance_display_value: r.fixedDistance ? `${r.fixedDistance.distance} ${r.fixedDistance.unit}` : null,
    availability: { is_available: true, reason: null },
    total_workouts: free ? 0 : 18234,
    total_user_workouts: free ? 0 : 1,
    is_favorite: false,
    vod_stream_url: free ? null : `https://example.invalid/vod/${r.id}/master.m3u8`,
    ...(r.instructor ? { instructor: r.instructor } : {}),
  };
}

export interface WorkoutInput {
  id: string;
  discipline: string;
  ride: JsonObject;
  startTime: number;
  endTime: number | null;
  deviceType: string;
  platform: string;
  totalWork: number;
  ftp: number;
  ftpSource?: string | null;
  workoutType?: "class" | "freestyle";
  leaderboard?: { rank: number; total: number } | null;
  outdoor?: boolean;
  timezone?: string;
  metricsType?: string | null;
  hrZoneDurations?: number[] | null;
  extra?: JsonObject;
}

const DEVICE_NAMES: Record<string, string> = { home_bike_plus: "Bike+", home_bike_v1: "Bike", home_tread: "Tread", caesar: "Row", iPhone: "iPhone" };

export function workoutObject(w: WorkoutInput): JsonObject {
  const zones = w.hrZoneDurations;
  const effort = zones
    ? {
        total_effort_points: round(zones.reduce((sum, d, i) => sum + (d / 60) * [0.3, 0.6, 1.1, 1.9, 2.6][i]!, 0), 1),
        heart_rate_zone_durations: Object.fromEntries(zones.map((d, i) => [`heart_rate_z${i + 1}_duration`, d])),
      }
    : null;
  const name = `${w.discipline === "caesar" ? "Row" : w.discipline.replace(/^./, (c) => c.toUpperCase())} Workout`;
  return {
    id: w.id,
    user_id: USER_ID,
    status: w.endTime === null ? "IN_PROGRESS" : "COMPLETE",
    created_at: w.startTime - 47,
    created: w.startTime - 47,
    device_time_created_at: w.startTime - 47 - 5 * 3600,
    start_time: w.startTime,
    end_time: w.endTime,
    timezone: w.timezone ?? "America/New_York",
    fitness_discipline: w.discipline,
    metrics_type: w.metricsType === undefined ? w.discipline : w.metricsType,
    device_type: w.deviceType,
    device_type_display_name: DEVICE_NAMES[w.deviceType] ?? "Studio",
    platform: w.platform,
    name,
    title: null,
    workout_type: w.workoutType ?? "class",
    is_outdoor: w.outdoor ?? false,
    peloton_id: hexId(`peloton:${w.id}`),
    total_work: w.totalWork,
    is_total_work_personal_record: false,
    has_pedaling_metrics: ["cycling", "bike_bootcamp"].includes(w.discipline),
    has_leaderboard_metrics: Boolean(w.leaderboard),
    leaderboard_rank: w.leaderboard?.rank ?? null,
    total_leaderboard_users: w.leaderboard?.total ?? 0,
    ftp_info: { ftp: w.ftp, ftp_source: w.ftp > 0 ? (w.ftpSource ?? "ftp_workout_source") : null, ftp_workout_id: w.ftp > 0 ? hexId("ftp-test") : null },
    effort_zones: effort,
    total_heart_rate_zone_durations: effort ? effort.heart_rate_zone_durations : null,
    average_effort_score: null,
    achievement_templates: [],
    strava_id: null,
    fitbit_id: null,
    total_video_watch_time_seconds: 0,
    v2_total_video_watch_time_seconds: w.endTime === null ? null : w.endTime - w.startTime,
    total_music_audio_play_seconds: null,
    is_skip_intro_available: w.workoutType !== "freestyle",
    has_paused: false,
    is_3p_fit_feed_workout: false,
    is_peloton_originated_workout: true,
    ride: w.ride,
    ...(w.extra ?? {}),
  };
}
