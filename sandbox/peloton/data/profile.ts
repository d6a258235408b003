import { hexId } from "./ids";
import type { MemberSpec } from "./members";
import { workoutCounts } from "./overview";
import { hrZoneBounds } from "./physics";
import type { MemberData } from "./store";

function counts(data: MemberData) {
  const pedaling = data.workouts.filter((w) => w.plan.discipline === "cycling" || w.plan.kind === "tread_run" || w.plan.kind === "tread_walk").length;
  return { total: data.workouts.length, pedaling, nonPedaling: data.workouts.length - pedaling };
}

function publicFields(data: MemberData): Record<string, unknown> {
  const m = data.member;
  const c = counts(data);
  return {
    id: m.userId,
    username: m.username,
    location: m.location,
    image_url: `https://example.invalid/avatars/${m.key}.png`,
    is_profile_private: m.isPrivate,
    is_profile_image_default: false,
    created_at: accountCreated(data),
    total_workouts: c.total,
    // Consistent with the (empty) followers/following lists.
    total_followers: 0,
    total_following: 0,
    workout_counts: workoutCounts(data).map(({ name, slug, count, icon_url }) => ({ name, slug, count, icon_url })),
  };
}

function accountCreated(data: MemberData): number {
  const first = data.workouts[0]?.createdAt;
  return first ? first - 9 * 86400 : 1640995200;
}

/** `/api/me` and `/api/user/{own id}` (docs/peloton-api.md §5.1). */
export function meJson(data: MemberData): Record<string, unknown> {
  const m = data.member;
  const c = counts(data);
  const ftp = data.ftp;
  const tested = ftp.source === "ftp_workout_source";
  return {
    ...publicFields(data),
    first_name: m.firstName,
    last_name: m.lastName,
    name: `${m.firstName} ${m.lastName}`,
    email: m.email,
    birthday: m.birthday,
    gender: m.gender,
    weight: m.weightLb,
    height: m.heightIn,
    total_pedaling_metric_workouts: c.pedaling,
    total_non_pedaling_metric_workouts: c.nonPedaling,
    last_workout_at: data.workouts[data.workouts.length - 1]?.createdAt ?? null,
    cycling_ftp: ftp.ftp,
    cycling_ftp_source: ftp.source,
    cycling_ftp_workout_id: ftp.workoutId,
    cycling_workout_ftp: tested ? ftp.ftp : 0,
    estimated_cycling_ftp: ftp.ftp ? ftp.ftp - 4 : 0,
    default_max_heart_rate: m.maxHr,
    customized_max_heart_rate: 0,
    default_heart_rate_zones: hrZoneBounds(m.maxHr),
    customized_heart_rate_zones: [],
    paired_devices: c.total ? [{ name: "HRM-Example", paired_device_type: "heart_rate_monitor", serial_number: hexId(`hrm:${m.key}`).slice(0, 10) }] : [],
    is_strava_authenticated: false,
    is_fitbit_authenticated: false,
    has_active_device_subscription: true,
    has_active_digital_subscription: false,
    block_explicit: false,
    quick_hits: { quick_hits_enabled: false, speed_shortcuts: ["2.0", "4.0", "6.0"], incline_shortcuts: ["1.0", "3.0", "5.0"] },
    contract_agreements: [],
  };
}

/** Someone else's profile: public fields, or next to nothing when private (docs/peloton-api.md §5.2). */
export function otherUserJson(data: MemberData): Record<string, unknown> {
  const pub = publicFields(data);
  if (!data.member.isPrivate) return pub;
  return { id: pub.id, username: pub.username, image_url: pub.image_url, is_profile_private: true };
}

export function settingsJson(m: MemberSpec): Record<string, unknown> {
  return {
    distance_unit: m.distanceUnit === "km" ? "metric" : "imperial",
    weight_unit: m.distanceUnit === "km" ? "metric" : "imperial",
    height_unit: m.distanceUnit === "km" ? "metric" : "imperial",
    timezone: m.timezone,
    block_explicit: false,
    privacy: { is_profile_private: m.isPrivate, hide_age_and_gender: false },
    class_language_preferences: ["en-US"],
  };
}
