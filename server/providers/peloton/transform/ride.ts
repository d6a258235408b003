import "server-only";
import { DEFAULT_PEDALING_START_OFFSET, expectedOutput, paceMinutesToSeconds, targetsFromCues, targetsFromEntries, targetsFromGraphMetrics } from "./targets";
import { emptyTargets, hasTargets } from "@/lib/domain/targets";
import type { PelotonInstructor, PelotonPerformanceGraph, PelotonRideDetails } from "../api/workout-schemas";
import type { InstructorRecord, RideRecord } from "@/lib/domain/workout";
import type { ClassSegment, ClassTargets, PaceIntensityLevel } from "@/lib/domain/targets";

/** Pure: ride details (docs/peloton-api.md §5.7) → RideRecord, instructors (§5.8) → InstructorRecord, graph targets → ClassTargets. */

const nonEmpty = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);
const present = (values: readonly (string | null | undefined)[]): string[] =>
  values.flatMap((value) => {
    const text = nonEmpty(value);
    return text ? [text] : [];
  });
const positive = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;

export function epochSecondsToDate(seconds: number | null | undefined): Date | null {
  return positive(seconds) ? new Date(seconds * 1000) : null;
}

type RawSegment = {
  name?: string | null;
  length?: number | null;
  start_time_offset?: number | null;
  icon_slug?: string | null;
  icon_name?: string | null;
  metrics_type?: string | null;
};

/** Segment offsets are pedaling-relative already (spec examples start at 0); see target-metrics.ts. */
export function toSegments(list: readonly RawSegment[] | null | undefined): ClassSegment[] {
  const out: ClassSegment[] = [];
  for (const segment of list ?? []) {
    const start = segment.start_time_offset;
    if (typeof start !== "number" || !Number.isFinite(start) || !positive(segment.length)) continue;
    const kind = nonEmpty(segment.icon_slug) ?? nonEmpty(segment.icon_name) ?? nonEmpty(segment.metrics_type) ?? "other";
    out.push({ start, end: start + segment.length, name: nonEmpty(segment.name) ?? kind, kind });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function pedalingStartOf(ride: { pedaling_start_offset?: number | null } | null | undefined): number {
  const offset = ride?.pedaling_start_offset;
  return typeof offset === "number" && Number.isFinite(offset) && offset >= 0 ? offset : DEFAULT_PEDALING_START_OFFSET;
}

function paceLevels(details: PelotonRideDetails): PaceIntensityLevel[] {
  return (details.target_metrics_data?.pace_intensities ?? []).flatMap((intensity) =>
    typeof intensity.value === "number"
      ? [
          {
            value: intensity.value,
            name: nonEmpty(intensity.display_name) ?? String(intensity.value),
            levels: (intensity.pace_levels ?? []).map((level, i) => ({
              slug: nonEmpty(level.slug) ?? `level_${i + 1}`,
              name: nonEmpty(level.display_name) ?? `Level ${i + 1}`,
              fastSeconds: paceMinutesToSeconds(level.fast_pace),
              slowSeconds: paceMinutesToSeconds(level.slow_pace),
            })),
          },
        ]
      : [],
  );
}

/**
 * Targets of a class. Cadence/resistance come from one source, the first that has any: `instructor_cues`, then
 * `target_metrics_data` cadence/resistance metrics, then the per-second `target_class_metrics` graph (1 s steps).
 */
export function rideTargets(details: PelotonRideDetails): ClassTargets {
  const start = pedalingStartOf(details.ride);
  const fromEntries = targetsFromEntries(details.target_metrics_data?.target_metrics ?? [], start);
  const cues = targetsFromCues(details.instructor_cues ?? [], start);
  const graphMetrics = details.target_class_metrics?.target_graph_metrics ?? [];
  const pick = (type: "cadence" | "resistance") => {
    if (cues[type].length) return cues[type];
    if (fromEntries.ranges[type].length) return fromEntries.ranges[type];
    return targetsFromGraphMetrics(graphMetrics, type, 1, details.ride.duration);
  };
  return {
    powerZones: fromEntries.powerZones,
    cadence: pick("cadence"),
    resistance: pick("resistance"),
    speed: fromEntries.ranges.speed,
    incline: fromEntries.ranges.incline,
    paceIntensity: fromEntries.paceIntensity,
    paceIntensityLevels: paceLevels(details),
    strokeRate: fromEntries.ranges.strokeRate,
    expectedOutputKj:
      expectedOutput(details.target_metrics_data?.total_expected_output) ?? expectedOutput(details.target_class_metrics?.total_expected_output),
  };
}

/**
 * Targets as a performance graph reports them (`target_metrics_performance_data`, else the older per-sample
 * `target_performance_metrics`), completed with what only ride details carry (pace table, expected output). Lists the
 * graph leaves empty fall back to the ride's. Null when neither has any target.
 */
export function workoutTargets(
  graph: PelotonPerformanceGraph | null,
  details: PelotonRideDetails | null,
  pedalingStartOffset: number,
  intervalSeconds: number,
): ClassTargets | null {
  const base = details ? rideTargets(details) : emptyTargets();
  if (!graph) return hasTargets(base) ? base : null;
  const entries = targetsFromEntries(graph.target_metrics_performance_data?.target_metrics ?? [], pedalingStartOffset);
  const old = graph.target_performance_metrics?.target_graph_metrics ?? [];
  const cadence = entries.ranges.cadence.length ? entries.ranges.cadence : targetsFromGraphMetrics(old, "cadence", intervalSeconds, graph.duration);
  const resistance = entries.ranges.resistance.length ? entries.ranges.resistance : targetsFromGraphMetrics(old, "resistance", intervalSeconds, graph.duration);
  const prefer = <T>(fromGraph: T[], fromRide: T[] | undefined): T[] => (fromGraph.length ? fromGraph : (fromRide ?? []));
  const merged: ClassTargets = {
    ...base,
    powerZones: prefer(entries.powerZones, base.powerZones),
    cadence: prefer(cadence, base.cadence),
    resistance: prefer(resistance, base.resistance),
    speed: prefer(entries.ranges.speed, base.speed),
    incline: prefer(entries.ranges.incline, base.incline),
    paceIntensity: prefer(entries.paceIntensity, base.paceIntensity),
    strokeRate: prefer(entries.ranges.strokeRate, base.strokeRate),
  };
  return hasTargets(merged) ? merged : null;
}

export function transformRide(details: PelotonRideDetails): RideRecord {
  const ride = details.ride;
  const classTypes = present((details.class_types ?? []).map((t) => t.name));
  const targets = rideTargets(details);
  const distance = ride.is_fixed_distance && positive(ride.distance) ? { value: ride.distance, unit: nonEmpty(ride.distance_unit) } : null;
  return {
    pelotonRideId: ride.id,
    title: nonEmpty(ride.title) ?? "Untitled class",
    description: nonEmpty(ride.description),
    durationSeconds: positive(ride.duration) ? ride.duration : positive(ride.pedaling_duration) ? ride.pedaling_duration : 0,
    pedalingStartOffset: pedalingStartOf(ride),
    difficulty: positive(ride.difficulty_estimate) ? ride.difficulty_estimate : positive(ride.difficulty_rating_avg) ? ride.difficulty_rating_avg : null,
    instructorId: nonEmpty(ride.instructor_id) ?? nonEmpty(ride.instructor?.id),
    discipline: nonEmpty(ride.fitness_discipline) ?? "unknown",
    classTypes,
    isPowerZone: details.is_power_zone_class ?? (targets.powerZones.length > 0 || classTypes.some((t) => /power zone/i.test(t))),
    isFtpTest: details.is_ftp_test ?? false,
    imageUrl: nonEmpty(ride.image_url),
    originalAirTime: epochSecondsToDate(ride.original_air_time),
    segments: toSegments(details.segments?.segment_list),
    targets,
    fixedDistance: distance,
  };
}

export function transformInstructor(instructor: PelotonInstructor): InstructorRecord {
  const fullName = [instructor.first_name, instructor.last_name].map(nonEmpty).filter(Boolean).join(" ");
  return {
    pelotonId: instructor.id,
    name: nonEmpty(instructor.name) ?? (nonEmpty(fullName) || nonEmpty(instructor.username) || "Unknown instructor"),
    imageUrl: nonEmpty(instructor.image_url),
    disciplines: present(instructor.fitness_disciplines ?? []),
    bio: nonEmpty(instructor.bio) ?? nonEmpty(instructor.short_bio),
  };
}
