import "server-only";
import type { LapMesg, SessionMesg, WorkoutMesg, WorkoutStepMesg } from "@garmin/fitsdk";
import { sportValue, subSportValue } from "./fit-values";
import { activityFigures, sessionActivity } from "@/lib/metrics/activity";
import { caloriesFromWork, distanceTrack, summarizeSpan, type SpanSummary } from "@/lib/metrics/activity-summary";
import type { Activity, ActivityLap, ActivitySession } from "@/lib/domain/activity";

/**
 * The summary messages of an encoded activity (pure): one lap per tiled lap, a session per leg, and the workout/steps that
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

export interface SummaryMessages {
  workout: WorkoutMesg | null;
  steps: WorkoutStepMesg[];
  laps: LapMesg[];
  sessions: SessionMesg[];
}

/** The legs to write: the activity's sessions when it has several, else one spanning the whole timeline. */
function legsOf(activity: Activity): ActivitySession[] {
  const sessions = activity.sessions ?? [];
  if (sessions.length > 1) return sessions;
  return [{ start: 0, end: activity.length, sport: activity.sport, subSport: activity.subSport, recorded: activity.recorded }];
}

/** Laps cut at the legs' boundaries, so every lap belongs to one session. */
function lapsByLeg(laps: readonly ActivityLap[], legs: readonly ActivitySession[]): ActivityLap[][] {
  return legs.map((leg) =>
    laps.map((lap) => ({ ...lap, start: Math.max(lap.start, leg.start), end: Math.min(lap.end, leg.end) })).filter((lap) => lap.end > lap.start),
  );
}

function pausedWithin(activity: Activity, start: number, end: number): number {
  return (activity.pauses ?? []).reduce((n, p) => n + Math.max(0, Math.min(end, p.end) - Math.max(start, p.start)), 0);
}

/**
 * `start` is the activity start in FIT seconds; `laps` are tileLaps(activity.laps, activity.length). One session per
 * leg (activity.sessions) with its laps; session figures come from activityFigures, the laps' from summarizeSpan.
 */
export function summaryMessages(activity: Activity, start: number, laps: readonly ActivityLap[]): SummaryMessages {
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
    named || title !== null
      ? { wktName: title ?? undefined, sport: sportValue(activity.sport), subSport: subSportValue(activity.subSport), numValidSteps: steps.length }
      : null;

  const legs = legsOf(activity);
  const lapMesgs: LapMesg[] = [];
  const sessions: SessionMesg[] = [];
  lapsByLeg(laps, legs).forEach((legLaps, index) => {
    const leg = legs[index];
    if (!leg) return;
    const sport = sportValue(leg.sport);
    const subSport = subSportValue(leg.subSport);
    const firstLapIndex = lapMesgs.length;
    for (const lap of legLaps) {
      const step = laps.findIndex((l) => l.start <= lap.start && l.end >= lap.end);
      lapMesgs.push({
        messageIndex: lapMesgs.length,
        timestamp: start + lap.end,
        event: "lap",
        eventType: "stop",
        startTime: start + lap.start,
        totalElapsedTime: lap.end - lap.start,
        totalTimerTime: lap.end - lap.start - pausedWithin(activity, lap.start, lap.end),
        ...spanFields(summarizeSpan(activity, track, lap.start, lap.end)),
        lapTrigger: "manual",
        sport,
        subSport,
        wktStepIndex: named && step >= 0 ? step : undefined,
      });
    }
    const part = legs.length > 1 ? sessionActivity(activity, leg) : activity;
    const metrics = activityFigures(part, activity.ftp);
    const whole = summarizeSpan(activity, track, leg.start, leg.end);
    // FIT's session avg_speed is distance over timer time (pauses excluded), not over elapsed time
    if (metrics.distanceMeters !== null && metrics.durationSeconds > 0) whole.avgSpeed = metrics.distanceMeters / metrics.durationSeconds;
    sessions.push({
      messageIndex: index,
      timestamp: start + leg.end,
      event: "session",
      eventType: "stop",
      startTime: start + leg.start,
      sport,
      subSport,
      totalElapsedTime: leg.end - leg.start,
      totalTimerTime: metrics.durationSeconds,
      ...spanFields(whole),
      totalDistance: orUndefined(metrics.distanceMeters),
      totalCalories: fitInt(metrics.calories, U16),
      totalWork: fitInt(metrics.workKj === null ? null : metrics.workKj * 1000, U32),
      avgHeartRate: fitInt(metrics.avgHeartRate, U8),
      maxHeartRate: fitInt(metrics.maxHeartRate, U8),
      avgCadence: fitInt(metrics.avgCadence, U8),
      maxCadence: fitInt(metrics.maxCadence, U8),
      avgPower: fitInt(metrics.avgPower, U16),
      maxPower: fitInt(metrics.maxPower, U16),
      normalizedPower: fitInt(metrics.normalizedPower, U16),
      intensityFactor: orUndefined(metrics.intensityFactor),
      trainingStressScore: orUndefined(metrics.tss),
      thresholdPower: fitInt(metrics.ftp, U16),
      firstLapIndex,
      numLaps: lapMesgs.length - firstLapIndex,
      trigger: "activityEnd",
    });
  });
  return { workout, steps, laps: lapMesgs, sessions };
}
