import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { activityFigures } from "@/lib/metrics/activity";
import { pelotonWorkoutToActivity } from "@/server/fit/from-workout";
import { epochSecondsToDate, pedalingStartOf, toSegments, workoutTargets } from "./ride";
import { isOutdoorWorkout } from "./outdoor";
import { buildSeries } from "./series";
import { buildTotals, pelotonAverages, type FiguresSummary, type PelotonTotals } from "./summary";
import { isJustRide, type PelotonPerformanceGraph, type PelotonRideDetails, type PelotonWorkout } from "../api/workout-schemas";
import type { Discipline, MetricStat, TransformedWorkout, WorkoutRecord } from "@/lib/domain/workout";
import type { ClassSegment } from "@/lib/domain/targets";
import type { WorkoutSeries } from "@/lib/domain/series";
import { disciplineLabel } from "@/lib/format/display";

export { transformInstructor, transformRide } from "./ride";

/**
 * Peloton JSON → AutoCoach workout records (pure; the sync engine and scripts/peloton/inspect.ts share it).
 * Inputs are the leniently parsed responses of workout-schemas.ts; see workout-series.ts, workout-summary.ts and
 * target-metrics.ts for the series, summary and offset rules.
 */
export interface TransformWorkoutInput {
  workout: PelotonWorkout;
  /** null when the performance graph could not be fetched: summary from the workout only, no series */
  graph: PelotonPerformanceGraph | null;
  /** class details when fetched (never for free rides) */
  ride?: PelotonRideDetails | null;
  /** FTP for IF/TSS when ftp_info has none (e.g. the member's current FTP); applies to cycling only */
  fallbackFtp?: number | null;
  /** FTP for IF/TSS instead of ftp_info (what-if; `inspect --ftp`); applies to cycling only */
  ftpOverride?: number | null;
}

/** Disciplines whose output is measured against Peloton's (bike) FTP. */
const FTP_DISCIPLINES = new Set<string>(["cycling", "bike_bootcamp"]);

const FREE_TITLE: Record<string, string> = { cycling: "Just Ride", running: "Just Run", walking: "Just Walk", caesar: "Just Row" };
const OUTDOOR_TITLE: Record<string, string> = { cycling: "Outdoor Ride", running: "Outdoor Run", walking: "Outdoor Walk" };

const nonEmpty = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);
const positive = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value > 0;
const round = (value: number | null, decimals: number): number | null =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

function disciplineOf(workout: PelotonWorkout, details: PelotonRideDetails | null): Discipline {
  return nonEmpty(workout.fitness_discipline) ?? nonEmpty(workout.ride?.fitness_discipline) ?? nonEmpty(details?.ride.fitness_discipline) ?? "unknown";
}

function displayName(discipline: string): string {
  return disciplineLabel(discipline);
}

/**
 * The class title; for free rides Peloton's own ("25 min Just Ride" in ride.title or workout.title) when it sends one,
 * else "Just Ride"/"Just Run"/"Just Walk"/"Just Row" ("Outdoor Run"… when outdoors); otherwise the workout's name.
 */
function titleOf(workout: PelotonWorkout, details: PelotonRideDetails | null, discipline: string, free: boolean, outdoor: boolean): string {
  const given = nonEmpty(details?.ride.title) ?? nonEmpty(workout.ride?.title) ?? nonEmpty(workout.title);
  if (given) return given;
  if (free) {
    const table = outdoor ? OUTDOOR_TITLE : FREE_TITLE;
    const title = table[discipline];
    if (title) return title;
  }
  return nonEmpty(workout.name) ?? `${displayName(discipline)} Workout`;
}

/**
 * The FTP going into the workout (ftp_info; 0 → none). A manual FTP (`ftp_manual_source`) is Peloton's best 20-minute
 * output, so 95 % of it is used, as resolveFtp does for the profile and peloton-to-garmin does for ftp_info.
 */
export function workoutFtp(workout: PelotonWorkout): number | null {
  const info = workout.ftp_info;
  if (!info || !positive(info.ftp)) return null;
  return info.ftp_source === "ftp_manual_source" ? Math.round(info.ftp * 0.95) : info.ftp;
}

/** The WorkoutRecord alone: enough for a list item (no graph needed). */
export function toWorkoutRecord(workout: PelotonWorkout, opts: { ride?: PelotonRideDetails | null; graph?: PelotonPerformanceGraph | null } = {}): WorkoutRecord {
  const details = opts.ride ?? null;
  const startTime = epochSecondsToDate(workout.start_time) ?? epochSecondsToDate(workout.created_at) ?? epochSecondsToDate(workout.device_time_created_at);
  if (!startTime) throw providerError("peloton", "bad_response", `Peloton workout ${workout.id} has no start_time or created_at.`, { detail: { workoutId: workout.id } });
  const endTime = epochSecondsToDate(workout.end_time);
  const rawRideId = nonEmpty(workout.ride?.id) ?? nonEmpty(details?.ride.id);
  const free = isJustRide(rawRideId);
  const discipline = disciplineOf(workout, details);
  const offsets = opts.graph?.seconds_since_pedaling_start ?? [];
  const lastOffset = offsets.at(-1);
  const duration =
    endTime && endTime >= startTime
      ? Math.round((endTime.getTime() - startTime.getTime()) / 1000)
      : typeof lastOffset === "number" && lastOffset > 0
        ? lastOffset
        : positive(opts.graph?.duration)
          ? opts.graph.duration
          : null;
  const ftp = workoutFtp(workout);
  const outdoor = isOutdoorWorkout(workout, opts.graph ?? null, details, discipline);
  return {
    pelotonWorkoutId: workout.id,
    pelotonRideId: free ? null : rawRideId,
    status: nonEmpty(workout.status) ?? (endTime ? "COMPLETE" : "IN_PROGRESS"),
    discipline,
    title: titleOf(workout, details, discipline, free, outdoor),
    instructorId: free ? null : (nonEmpty(workout.ride?.instructor_id) ?? nonEmpty(workout.ride?.instructor?.id) ?? nonEmpty(details?.ride.instructor_id)),
    startTime,
    endTime,
    timezone: nonEmpty(workout.timezone),
    durationSeconds: duration,
    ftp,
    ftpSource: ftp === null ? null : nonEmpty(workout.ftp_info?.ftp_source),
    leaderboardRank: positive(workout.leaderboard_rank) ? workout.leaderboard_rank : null,
    leaderboardTotal: positive(workout.total_leaderboard_users) ? workout.total_leaderboard_users : null,
    isOutdoor: outdoor,
    deviceType: nonEmpty(workout.device_type),
    workoutType: nonEmpty(workout.workout_type),
  };
}

/**
 * Output, cadence and heart rate (avg/max) and NP/IF/TSS: AutoCoach's figures, from the same Activity and the same
 * function (lib/metrics/activity.ts) as the workout page, the FIT export and the comparison. IF/TSS only where the
 * bike FTP applies. Rounded: averages 0.1, NP 0.1 W, IF 0.001, TSS 0.1.
 */
function figuresSummary(
  record: WorkoutRecord,
  series: WorkoutSeries | null,
  segments: ClassSegment[],
  totals: PelotonTotals,
  input: TransformWorkoutInput,
): FiguresSummary {
  const usesFtp = FTP_DISCIPLINES.has(record.discipline);
  const ftp = !usesFtp ? null : positive(input.ftpOverride) ? input.ftpOverride : (record.ftp ?? (positive(input.fallbackFtp) ? input.fallbackFtp : null));
  const activity = pelotonWorkoutToActivity({
    title: record.title,
    discipline: record.discipline,
    startTime: record.startTime,
    durationSeconds: record.durationSeconds,
    ftp,
    series,
    segments,
    summary: { distance: totals.distance, distanceUnit: totals.distanceUnit, calories: totals.calories, totalOutputKj: totals.totalOutputKj },
    isOutdoor: record.isOutdoor,
  });
  const f = activityFigures(activity, ftp);
  const stat = (avg: number | null, max: number | null): MetricStat => ({ avg: round(avg, 1), max: round(max, 1) });
  return {
    output: stat(f.avgPower, f.maxPower),
    cadence: stat(f.avgCadence, f.maxCadence),
    heartRate: stat(f.avgHeartRate, f.maxHeartRate),
    normalizedPower: round(f.normalizedPower, 1),
    intensityFactor: round(f.intensityFactor, 3),
    tss: round(f.tss, 1),
    ftpUsed: ftp,
  };
}

export function transformWorkout(input: TransformWorkoutInput): TransformedWorkout {
  const { workout, graph } = input;
  const details = input.ride ?? null;
  const record = toWorkoutRecord(workout, { ride: details, graph });
  const series = buildSeries(graph);
  const segments = toSegments(graph?.segment_list?.length ? graph.segment_list : details?.segments?.segment_list);
  const totals = buildTotals(graph, workout, series);
  const summary = { ...totals, ...figuresSummary(record, series, segments, totals, input), peloton: pelotonAverages(graph) };
  const pedalingStart = pedalingStartOf(details?.ride ?? workout.ride);
  const targets = record.pelotonRideId === null ? null : workoutTargets(graph, details, pedalingStart, series?.intervalSeconds ?? 1);
  return { workout: record, summary, series, segments, targets };
}
