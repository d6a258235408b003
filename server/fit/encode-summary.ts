import "server-only";
import type { LapMesg, SessionMesg, WorkoutMesg, WorkoutStepMesg } from "@garmin/fitsdk";
import { sportValue, subSportValue } from "./fit-values";
import { activityMetrics } from "@/lib/metrics/activity";
import { scoreActivity } from "@/lib/metrics/score";
import { caloriesFromWork, distanceTrack, summarizeSpan, type SpanSummary } from "@/lib/metrics/activity-summary";
import type { Activity, ActivityLap } from "@/lib/domain/activity";

/**
 * The summary messages of an encoded activity (pure): one lap per tiled lap, the session, and the workout/steps that
 * carry the title and lap names (FIT laps have no name field; a lap points at its step with wkt_step_index).
 * Integer FIT fields are rounded here; values outside a field's range are left out rather than wrapped.
 */
export function fitInt(value: number | null | undefined, max: number): number | undefined {
  if (value === null || value === undefined || !Number.isFinite(value)) return undefined;
  const rounded = Math.round(value);
  return rounded >= 0 && rounded <= max ? rounded : undefined;
}

const U8 = 254;
const U16 = 65534;
const U32 = 4294967294;
/** FIT scale-1000 speed fields are uint16 (avg/max speed) or uint32 (enhanced): keep the plain field within range. */
const MAX_U16_SPEED = U16 / 1000;

const orUndefined = (value: number | null): number | undefined => (value === null || !Number.isFinite(value) ? undefined : value);

function spanFields(summary: SpanSummary) {
  return {
    totalDistance: orUndefined(summary.distanceMeters),
    totalCalories: fitInt(caloriesFromWork(summary.workJoules), U16),
    avgSpeed: summary.avgSpeed !== null && summary.avgSpeed <= MAX_U16_SPEED ? summary.avgSpeed : undefined,
    maxSpeed: summary.maxSpeed !== null && summary.maxSpeed <= MAX_U16_SPEED ? summary.maxSpeed : undefined,
    enhancedAvgSpeed: orUndefined(summary.avgSpeed),
    enhancedMaxSpeed: orUndefined(summary.maxSpeed),
    avgHeartRate: fitInt(summary.avgHeartRate, U8),
    maxHeartRate: fitInt(summary.maxHeartRate, U8),
    avgCadence: fitInt(summary.avgCadence, U8),
    maxCadence: fitInt(summary.maxCadence, U8),
    avgPower: fitInt(summary.avgPower, U16),
    maxPower: fitInt(summary.maxPower, U16),
    totalWork: fitInt(summary.workJoules, U32),
  };
}

/**
 * The workout's one score (lib/metrics/score.ts), so the file states the figure the page, the calendar and the
 * comparison show. A file carries only a measured score (power, pace, heart rate): an estimate is not a measurement,
 * and without a score TrainingPeaks computes its own.
 */
function measuredScore(activity: Activity): number | undefined {
  const score = scoreActivity(activity);
  return score.method === "estimate" ? undefined : orUndefined(score.tss);
}

export interface SummaryMessages {
  workout: WorkoutMesg | null;
  steps: WorkoutStepMesg[];
  laps: LapMesg[];
  session: SessionMesg;
}

/** `start` is the activity start in FIT seconds; `laps` are tileLaps(activity.laps, activity.length). */
export function summaryMessages(activity: Activity, start: number, laps: readonly ActivityLap[]): SummaryMessages {
  const end = start + activity.length;
  const sport = sportValue(activity.sport);
  const subSport = subSportValue(activity.subSport);
  const track = distanceTrack(activity);
  const named = laps.some((lap) => lap.name !== null);
  const steps: WorkoutStepMesg[] = named
    ? laps.map((lap, i) => ({
        messageIndex: i,
        wktStepName: lap.name ?? undefined,
        durationType: "time",
        // duration_value is the raw field: milliseconds for a time step (the encoder ignores the duration_time subfield)
        durationValue: (lap.end - lap.start) * 1000,
        targetType: "open",
        intensity: "active",
      }))
    : [];
  const title = activity.title?.trim() ? activity.title.trim() : null;
  const workout: WorkoutMesg | null =
    named || title !== null ? { wktName: title ?? undefined, sport, subSport, numValidSteps: steps.length } : null;

  const lapMesgs: LapMesg[] = laps.map((lap, i) => ({
    messageIndex: i,
    timestamp: start + lap.end,
    event: "lap",
    eventType: "stop",
    startTime: start + lap.start,
    totalElapsedTime: lap.end - lap.start,
    totalTimerTime: lap.end - lap.start,
    ...spanFields(summarizeSpan(activity, track, lap.start, lap.end)),
    lapTrigger: "manual",
    sport,
    subSport,
    wktStepIndex: named ? i : undefined,
  }));

  const metrics = activityMetrics(activity, activity.ftp);
  const whole = summarizeSpan(activity, track, 0, activity.length);
  // FIT's session avg_speed is distance over timer time (pauses excluded), not over elapsed time
  if (metrics.distanceMeters !== null && activity.durationSeconds > 0) whole.avgSpeed = metrics.distanceMeters / activity.durationSeconds;
  const session: SessionMesg = {
    messageIndex: 0,
    timestamp: end,
    event: "session",
    eventType: "stop",
    startTime: start,
    sport,
    subSport,
    totalElapsedTime: activity.length,
    totalTimerTime: activity.durationSeconds,
    ...spanFields(whole),
    totalDistance: orUndefined(metrics.distanceMeters),
    avgHeartRate: fitInt(metrics.avgHeartRate, U8),
    avgCadence: fitInt(metrics.avgCadence, U8),
    avgPower: fitInt(metrics.avgPower, U16),
    maxPower: fitInt(metrics.maxPower, U16),
    normalizedPower: fitInt(metrics.normalizedPower, U16),
    intensityFactor: orUndefined(metrics.intensityFactor),
    trainingStressScore: measuredScore(activity),
    thresholdPower: fitInt(metrics.ftp, U16),
    firstLapIndex: 0,
    numLaps: lapMesgs.length,
    trigger: "activityEnd",
  };
  return { workout, steps, laps: lapMesgs, session };
}
