import { seededRandom } from "../../shared/http";
import { hexId } from "./ids";
import { classTypeId } from "./catalog";
import { rideJson } from "./ride-json";
import { round } from "./summary";
import { expectedOutput, instructorCuesJson, paceIntensitiesJson, targetMetricsJson } from "./targets-json";
import { cuesOnly } from "./quirks";
import type { ClassPlan } from "./types";

const WORDS = ["Midnight", "Signal", "Golden", "Echo", "Velvet", "Summit", "Neon", "River", "Paper", "Static", "Northern", "Wild"];
const ARTISTS = ["The Example Band", "Sample Collective", "DJ Placeholder", "Lorem & Ipsum", "Synthetic Hearts", "Null Island"];

function playlist(plan: ClassPlan): Record<string, unknown> {
  const rng = seededRandom(plan.seed ^ 0x1234);
  const count = Math.max(1, Math.round(plan.duration / 240));
  const songs = Array.from({ length: count }, (_, i) => {
    const artist = ARTISTS[Math.floor(rng() * ARTISTS.length)] ?? "Unknown";
    const title = `${WORDS[Math.floor(rng() * WORDS.length)] ?? "Song"} ${WORDS[Math.floor(rng() * WORDS.length)] ?? ""}`.trim();
    return {
      id: hexId(`song:${plan.rideId}:${i}`),
      title,
      artists: [{ artist_id: hexId(`artist:${artist}`), artist_name: artist }],
      album: { id: hexId(`album:${artist}`), name: `${artist} Greatest`, image_url: "https://example.invalid/album.png" },
      cue_time_offset: plan.pedalingStart + Math.round((i * plan.duration) / count),
      start_time_offset: plan.pedalingStart + Math.round((i * plan.duration) / count),
      liked: false,
    };
  });
  return {
    id: hexId(`playlist:${plan.rideId}`), ride_id: plan.rideId, songs, is_playlist_shown: true, is_in_class_music_shown: true,
    top_artists: [...new Set(songs.map((s) => s.artists[0]?.artist_name))].slice(0, 3).map((name) => ({ artist_id: hexId(`artist:${name}`), artist_name: name })),
  };
}

function cueGraph(plan: ClassPlan): Array<Record<string, unknown>> {
  const cues = plan.targets.filter((t) => t.cadence && t.resistance);
  if (!cues.length) return [];
  return (["cadence", "resistance"] as const).map((type) => {
    const upper: number[] = [];
    const lower: number[] = [];
    for (let s = 0; s < plan.duration; s++) {
      const t = plan.pedalingStart + s;
      const block = cues.find((c) => c.start <= t && c.end >= t);
      upper.push(block?.[type]?.[1] ?? 0);
      lower.push(block?.[type]?.[0] ?? 0);
    }
    const average = upper.map((u, i) => (u + (lower[i] ?? 0)) / 2);
    return {
      graph_data: { upper, lower, average }, max: Math.max(...upper), min: Math.min(...lower),
      average: round(average.reduce((a, b) => a + b, 0) / average.length, 0), type,
    };
  });
}

function segmentsJson(plan: ClassPlan): Record<string, unknown> {
  const total = plan.segments.reduce((acc, s) => acc + s.length, 0) || 1;
  const category: Record<string, string> = {};
  for (const s of plan.segments) category[s.iconSlug] = String(round((Number(category[s.iconSlug] ?? 0) + s.length / total), 2));
  return {
    segment_list: plan.segments.map((s) => ({
      id: s.id, length: s.length, start_time_offset: s.start, icon_url: `https://example.invalid/segment-icons/${s.iconSlug}.png`,
      intensity_in_mets: s.mets, metrics_type: s.metricsType, icon_name: s.iconSlug, icon_slug: s.iconSlug, name: s.name, is_drill: false,
      subsegments_v2: (s.movements ?? []).map((name, i, all) => ({
        id: hexId(`subsegment:${s.id}:${i}`), type: "timed", display_name: name, scheduled_offset: s.start + Math.round((i * s.length) / all.length),
        offset: Math.round((i * s.length) / all.length), length: Math.round(s.length / all.length), rounds: 1,
        movements: [{ id: hexId(`movement:${name}`), name }],
      })),
      is_transition: false,
    })),
    segment_category_distribution: category,
    segment_body_focus_distribution: plan.discipline === "strength" ? { upper_body: "0.4", lower_body: "0.4", core: "0.2" } : {},
  };
}

/** The parts of a ride-details response that AutoCoach does not read, as Peloton sends them for a class without events. */
export const RIDE_DETAILS_EXTRAS = {
  default_album_images: { default_album_image_url: "https://example.invalid/album.png" },
  excluded_platforms: [],
  disabled_leaderboard_filters: { just_me: false, following: false, age_and_gender: false },
  sampled_top_tags: [],
  events: { data: [] },
  related_rides: [],
};

/**
 * `/api/ride/{id}/details` (docs/peloton-api.md §5.7). Expected output is worked out from the caller's FTP, as the
 * member app shows it; target offsets are on the class video timeline and inclusive.
 */
export function rideDetails(plan: ClassPlan, ftp: number, unit: "mi" | "km"): Record<string, unknown> {
  const expected = expectedOutput(plan, ftp);
  const pace = paceIntensitiesJson(plan, unit);
  const targetMetricsData: Record<string, unknown> = { target_metrics: targetMetricsJson(plan) };
  if (expected) targetMetricsData.total_expected_output = expected;
  if (pace) targetMetricsData.pace_intensities = pace;
  const targetClassMetrics: Record<string, unknown> = { target_graph_metrics: cueGraph(plan) };
  if (expected) targetClassMetrics.total_expected_output = expected;
  const w = 1 + (plan.seed % 1000) / 1000;
  return {
    ride: rideJson(plan, true),
    class_types: [{ id: classTypeId(plan), name: plan.classTypeKey, is_active: true, list_order: 1, fitness_discipline: plan.discipline }],
    is_ftp_test: plan.isFtpTest,
    is_power_zone_class: plan.isPowerZone,
    segments: segmentsJson(plan),
    instructor_cues: instructorCuesJson(plan),
    target_class_metrics: targetClassMetrics,
    // some cue-based classes carry instructor cues instead of target metrics (quirks.ts)
    ...(cuesOnly(plan) ? {} : { target_metrics_data: targetMetricsData }),
    playlist: playlist(plan),
    averages: {
      average_total_work: Math.round(150 * w * plan.duration), average_distance: round((plan.duration / 3600) * 17 * w, 2),
      average_calories: Math.round(plan.duration / 6), average_avg_power: Math.round(150 * w), average_avg_speed: round(17 * w, 1),
      average_avg_cadence: Math.round(84 * w), average_avg_resistance: Math.round(38 * w), average_effort_score: null,
    },
    ...RIDE_DETAILS_EXTRAS,
  };
}
