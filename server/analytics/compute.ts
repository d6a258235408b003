import "server-only";
import type { Activity } from "@/lib/domain/activity";
import type { WorkoutScore } from "@/lib/domain/analytics";
import type { ResolvedThresholds } from "@/lib/domain/thresholds";
import { encodeCurve } from "@/lib/metrics/curve-codec";
import { meanMaximal } from "@/lib/metrics/mmp";
import { scoreActivity } from "@/lib/metrics/score";
import { scoreInputsKey } from "@/lib/metrics/thresholds-at";
import { timeInTarget } from "@/lib/metrics/chart-compliance";
import { localDay } from "@/lib/time/time-zone";
import { pelotonWorkoutToActivity } from "@/server/fit/from-workout";
import type { ScoringContext } from "@/server/queries/analytics-settings";
import type { AnalysisSubject } from "@/server/queries/workout-analysis-input";

/**
 * One workout's analytics (pure apart from being server-only): the score (lib/metrics/score.ts, on the same Activity
 * the FIT export and the comparison build), mean-maximal power and speed curves, and time in target. Curves depend
 * only on the samples, so CURVE_VERSION changes only when their definition does.
 */
export const CURVE_VERSION = 1;

const SPEED_DISCIPLINES = new Set(["running", "walking", "caesar", "caesar_bootcamp"]);

export interface ComputedAnalytics {
  day: string;
  thresholds: ResolvedThresholds;
  score: WorkoutScore;
  inputsKey: string;
  compliance: number | null;
  powerCurve: Uint8Array | null;
  speedCurve: Uint8Array | null;
}

export function analysisActivity(input: AnalysisSubject, thresholds: ResolvedThresholds): Activity {
  return pelotonWorkoutToActivity({
    title: input.title,
    discipline: input.discipline,
    startTime: input.startTime,
    durationSeconds: input.durationSeconds,
    ftp: input.pelotonFtp,
    series: input.series,
    segments: input.segments,
    summary: input.summary,
    isOutdoor: input.isOutdoor,
    thresholds,
  });
}

function hasReadings(values: readonly (number | null)[] | undefined): values is (number | null)[] {
  return Boolean(values?.some((v) => v !== null && v > 0));
}

/** Time in target over every targeted metric: seconds in range ÷ seconds with a reading and a target. */
function complianceOf(input: AnalysisSubject, thresholds: ResolvedThresholds): number | null {
  if (!input.series || !input.targets) return null;
  const compliance = timeInTarget({ series: input.series, targets: input.targets, segments: input.segments, ftp: thresholds.ftp?.value ?? null });
  const data = compliance.reduce((n, c) => n + c.dataSeconds, 0);
  return data > 0 ? (compliance.reduce((n, c) => n + c.inSeconds, 0) / data) * 100 : null;
}

export function computeAnalytics(input: AnalysisSubject, ctx: ScoringContext): ComputedAnalytics {
  const day = localDay(input.startTime, ctx.settings.timeZone);
  const thresholds = ctx.resolver.on(day, input.pelotonFtp);
  const activity = analysisActivity(input, thresholds);
  const power = activity.samples.power;
  const speed = activity.samples.speed;
  return {
    day,
    thresholds,
    score: scoreActivity(activity),
    inputsKey: scoreInputsKey(input.discipline, thresholds),
    compliance: complianceOf(input, thresholds),
    powerCurve: hasReadings(power) ? encodeCurve("power", meanMaximal(power)) : null,
    speedCurve: SPEED_DISCIPLINES.has(input.discipline) && hasReadings(speed) ? encodeCurve("speed", meanMaximal(speed)) : null,
  };
}

/** The stored columns of one workout's analytics, shared by the analytics job's writes and the sync's batched write. */
export function analyticsColumns(a: ComputedAnalytics) {
  return {
    score: a.score.tss,
    scoreMethod: a.score.method,
    intensity: a.score.intensity,
    thresholdKind: a.score.threshold?.kind ?? null,
    thresholdValue: a.score.threshold?.value ?? null,
    thresholdSource: a.score.threshold?.source ?? null,
    perHour: a.score.perHour,
    scoredSeconds: Math.round(a.score.seconds),
    inputsKey: a.inputsKey,
    compliance: a.compliance,
    powerCurve: a.powerCurve,
    speedCurve: a.speedCurve,
    curveVersion: CURVE_VERSION,
  };
}
