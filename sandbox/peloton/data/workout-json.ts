import { hexId } from "./ids";
import { DISCIPLINE_NAMES, rideJson } from "./ride-json";
import type { WorkoutSummary } from "./summary";
import { localSeconds } from "./tz";
import type { MemberSpec } from "./members";
import type { WorkoutHeader } from "./types";

const DEVICE_DISPLAY: Record<string, string> = { home_bike_v1: "Bike", home_bike_plus: "Bike+", home_tread: "Tread", caesar: "Row", iPhone: "iPhone" };
const PLATFORM: Record<string, string> = { home_bike_v1: "home_bike", home_bike_plus: "home_bike", home_tread: "home_tread", caesar: "caesar", iPhone: "iOS_app" };

export interface WorkoutView {
  member: MemberSpec;
  header: WorkoutHeader;
  summary: WorkoutSummary;
  isPr: boolean;
  achievements: readonly object[];
}

export function metricsType(header: WorkoutHeader): "cycling" | "running" | "caesar" | null {
  const { plan } = header;
  if (plan.discipline === "cycling") return "cycling";
  if (plan.kind === "tread_run" || plan.kind === "tread_walk") return "running";
  return plan.discipline === "caesar" ? "caesar" : null;
}

export function effortZones(summary: WorkoutSummary): Record<string, unknown> | null {
  if (!summary.hrZones) return null;
  return { total_effort_points: summary.effortPoints ?? 0, heart_rate_zone_durations: hrZoneDurationsJson(summary.hrZones) };
}

export function hrZoneDurationsJson(zones: readonly number[]): Record<string, number> {
  return Object.fromEntries(zones.map((secs, i) => [`heart_rate_z${i + 1}_duration`, secs]));
}

function movementTracker(header: WorkoutHeader): Record<string, unknown> | undefined {
  const segment = header.plan.segments.find((s) => s.movements?.length);
  if (!segment?.movements) return undefined;
  const each = Math.floor(segment.length / segment.movements.length);
  return {
    completed_movements_summary_data: {
      repetition_summary_data: segment.movements.map((name, i) => ({
        movement_id: hexId(`movement:${name}`),
        movement_name: name,
        tracking_type: name === "Plank Hold" ? "time_based" : "rep_counting",
        completed_reps: name === "Plank Hold" ? 0 : 8 + ((header.seed >> i) & 7),
        completed_duration: each,
        offset: segment.start + i * each,
        length: each,
        weight: name === "Plank Hold" || name === "Push Up" ? [] : [{ weight_category: "medium", weight_data: { weight_value: 15 + 5 * (i % 3), weight_unit: "lb" } }],
      })),
    },
  };
}

/** A workout as `/api/workout/{id}` (detail) or a `/workouts` list item returns it (docs/peloton-api.md §5.4/§5.5). */
export function workoutJson(view: WorkoutView, opts: { detail: boolean; joins: ReadonlySet<string> }): Record<string, unknown> {
  const { member, header, summary } = view;
  const { plan } = header;
  const justRide = plan.kind === "just_ride";
  const classVideo = !justRide && !plan.isOutdoor && plan.discipline !== "meditation";
  const zones = effortZones(summary);
  const out: Record<string, unknown> = {
    id: header.id,
    user_id: member.userId,
    status: header.status,
    created_at: header.createdAt,
    created: header.createdAt,
    device_time_created_at: Math.round(localSeconds(member.timezone, header.createdAt)),
    start_time: header.startTime,
    end_time: header.endTime,
    timezone: member.timezone,
    fitness_discipline: plan.discipline,
    metrics_type: metricsType(header),
    device_type: header.deviceType,
    platform: PLATFORM[header.deviceType] ?? "web",
    name: `${DISCIPLINE_NAMES[plan.discipline]} Workout`,
    title: null,
    workout_type: justRide ? "freestyle" : "class",
    is_outdoor: plan.isOutdoor,
    peloton_id: justRide ? null : hexId(`peloton:${plan.rideId}`),
    total_work: view.summary.totalWork,
    is_total_work_personal_record: view.isPr,
    has_pedaling_metrics: plan.discipline === "cycling" || metricsType(header) === "running",
    has_leaderboard_metrics: header.leaderboardRank !== null,
    total_video_watch_time_seconds: 0,
    total_video_buffering_seconds: 0,
    v2_total_video_watch_time_seconds: classVideo && header.endTime ? plan.length : null,
    v2_total_video_buffering_seconds: classVideo && header.endTime ? 0 : null,
    total_music_audio_play_seconds: null,
    total_music_audio_buffer_seconds: null,
    strava_id: null,
    fitbit_id: null,
    service_id: null,
    effort_zones: zones,
    is_3p_fit_feed_workout: false,
    is_peloton_originated_workout: true,
  };
  // an older response: keys that newer ones carry are simply not there (quirks.ts)
  if (header.quirks.includes("noIsOutdoor")) delete out.is_outdoor;
  if (opts.detail) {
    Object.assign(out, {
      device_type_display_name: DEVICE_DISPLAY[header.deviceType] ?? "Web",
      leaderboard_rank: header.leaderboardRank,
      total_leaderboard_users: header.totalLeaderboardUsers ?? 0,
      // Free rides report no FTP (P2G fixture cycling_just_ride.json); clients must fall back to the member's.
      ftp_info: justRide
        ? { ftp: 0, ftp_source: null, ftp_workout_id: null }
        : { ftp: header.ftpIn.ftp, ftp_source: header.ftpIn.source, ftp_workout_id: header.ftpIn.workoutId },
      total_heart_rate_zone_durations: summary.hrZones ? hrZoneDurationsJson(summary.hrZones) : null,
      average_effort_score: null,
      achievement_templates: view.achievements,
      is_skip_intro_available: classVideo,
      has_paused: false,
    });
    if (header.quirks.includes("noFtpInfo")) delete out.ftp_info;
    const tracker = movementTracker(header);
    if (tracker) out.movement_tracker_data = tracker;
  }
  if (opts.detail || opts.joins.has("ride") || opts.joins.has("ride.instructor")) {
    out.ride = rideJson(plan, opts.joins.has("ride.instructor"));
  }
  if (opts.joins.has("peloton") && !justRide) {
    out.peloton = {
      id: hexId(`peloton:${plan.rideId}`),
      ride_id: plan.rideId,
      start_time: plan.originalAirTime,
      is_live: false,
      ...(opts.joins.has("peloton.ride") || opts.joins.has("peloton.ride.instructor")
        ? { ride: rideJson(plan, opts.joins.has("peloton.ride.instructor")) }
        : {}),
    };
  }
  return out;
}
