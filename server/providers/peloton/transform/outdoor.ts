import "server-only";
import type { PelotonPerformanceGraph, PelotonRideDetails, PelotonWorkout } from "../api/workout-schemas";

/**
 * Indoor or outdoor, from what the response carries (pure). Older responses omit `is_outdoor`
 * (docs/peloton-api.md §5.5), so the rest of the evidence decides, and the default is never indoor against it:
 *   1. GPS points in `location_data`: outdoor (the track is the strongest evidence there is);
 *   2. `is_outdoor` when Peloton sends it;
 *   3. Peloton equipment: a bike, tread or row `device_type`, or the metrics only equipment records (resistance,
 *      incline, stroke rate, split pace): indoor;
 *   4. an "Outdoor" class (title or name) or an outdoor-shaped graph (elevation without incline, docs/peloton-api.md §5.6): outdoor;
 *   5. nothing either way: indoor, as Peloton's own default for a class taken on a screen.
 */
const EQUIPMENT_DEVICE = /^(home_bike|home_tread|prism|caesar|tread|bike)/i;
const EQUIPMENT_METRICS = new Set(["resistance", "incline", "stroke_rate", "split_pace"]);
const OUTDOOR_DISCIPLINES = new Set(["running", "walking", "cycling", "hiking"]);

function hasGps(graph: PelotonPerformanceGraph | null): boolean {
  return (graph?.location_data ?? []).some((segment) =>
    (segment.coordinates ?? []).some((c) => typeof c.latitude === "number" && typeof c.longitude === "number"),
  );
}

function metricSlugs(graph: PelotonPerformanceGraph | null): Set<string> {
  const slugs = new Set<string>();
  for (const metric of graph?.metrics ?? []) {
    if (metric.slug) slugs.add(metric.slug);
    for (const alternative of metric.alternatives ?? []) if (alternative.slug) slugs.add(alternative.slug);
  }
  return slugs;
}

export function isOutdoorWorkout(workout: PelotonWorkout, graph: PelotonPerformanceGraph | null, details: PelotonRideDetails | null, discipline: string): boolean {
  if (hasGps(graph)) return true;
  if (typeof workout.is_outdoor === "boolean") return workout.is_outdoor;
  const slugs = metricSlugs(graph);
  if (EQUIPMENT_DEVICE.test(workout.device_type ?? "") || [...slugs].some((slug) => EQUIPMENT_METRICS.has(slug))) return false;
  if (!OUTDOOR_DISCIPLINES.has(discipline)) return false;
  const names = [details?.ride.title, workout.ride?.title, workout.title, workout.name].filter(Boolean).join(" ");
  if (/\boutdoor\b/i.test(names)) return true;
  return slugs.has("altitude") || slugs.has("elevation");
}
