import type { ActivitySport, ComparisonMetrics } from "@/lib/domain/activity";
import type { TrainingPeaksActivity } from "@/lib/domain/trainingpeaks";
import { PREMIUM_METRICS, describeSeconds, metricLabels, missingKeys } from "./describe";
import type { FtpChoice } from "./ftp";
import { DEFAULT_MATCH_TOLERANCE_SECONDS, isWithinTolerance, rankCandidates, type RankedCandidate } from "./match";
import { compareMetrics, roundMetrics, tpActivityMetrics, type MetricRow } from "./metrics";
import { resolveTimeZone } from "@/lib/time/time-zone";
import { SCORE_METHOD_LABEL, type WorkoutScore } from "@/lib/domain/analytics";
import type { UnitsSetting } from "@/lib/domain/thresholds";

/** Assemble one comparison: the `--json` contract object, plus display extras (rows, notes, match details) kept apart. */

/** Exactly what `npm run tp -- compare --json` prints. */
export interface ComparisonJson {
  ours: ComparisonMetrics;
  trainingpeaks: ComparisonMetrics | null;
  match: { workoutId: string; startTimeDeltaSeconds: number } | null;
}

export type TrainingPeaksSide =
  | {
      status: "ok";
      activities: readonly TrainingPeaksActivity[];
      /** items TrainingPeaks sent for the searched days that could not be read (left out) */
      unreadable?: number;
      /** the athlete's IANA zone from their TrainingPeaks profile */
      timeZone: string | null;
      /** the athlete's current TrainingPeaks threshold */
      thresholdFtp: number | null;
      isPremium: boolean | null;
      /** the local days searched, inclusive */
      searched: { start: string; end: string };
    }
  /** not_connected: no usable grant; unavailable: TrainingPeaks failed; skipped: the caller chose not to ask */
  | { status: "not_connected" | "unavailable" | "skipped"; reason: string };

export type NoteKind = "trainingpeaks" | "unreadable" | "time_zone" | "no_match" | "several_matches" | "basic_athlete" | "missing_values" | "ftp" | "ftp_mismatch" | "score";

export interface ComparisonNote {
  kind: NoteKind;
  tone: "info" | "warn";
  message: string;
}

export interface ComparisonReport {
  comparison: ComparisonJson;
  /** the zone every time of this report is shown in: the user's (UTC when there is no user, e.g. the offline CLI) */
  timeZone: string;
  /** the unit system distances are shown in: the user's (metric when there is no user) */
  units: UnitsSetting;
  rows: MetricRow[];
  notes: ComparisonNote[];
  activity: { title: string | null; sport: ActivitySport; startTime: string; device: string | null; legs: ComparisonLeg[] };
  ftp: FtpChoice;
  match: {
    workoutId: string;
    title: string;
    type: string;
    url: string | null;
    /** TrainingPeaks' zone-less local start, as it sent it */
    startTimeLocal: string;
    startTime: string;
    startTimeDeltaSeconds: number;
  } | null;
  trainingPeaks: { status: "matched" | "no_match" | Exclude<TrainingPeaksSide["status"], "ok">; timeZone: string | null; searched: { start: string; end: string } | null };
  /** rows flagged "differs" */
  differing: number;
}

/** One leg of a multisport file, for display (a single-sport activity has none). */
export interface ComparisonLeg {
  sport: ActivitySport;
  durationSeconds: number;
  distanceMeters: number | null;
}

export interface BuildComparisonInput {
  ours: { metrics: ComparisonMetrics; startTime: Date; sport: ActivitySport; title: string | null; device: string | null; legs?: ComparisonLeg[]; score?: WorkoutScore };
  ftp: FtpChoice;
  trainingPeaks: TrainingPeaksSide;
  toleranceSeconds?: number;
  /** the user's time zone (server/queries/user-time-zone.ts); UTC when absent or unknown */
  displayTimeZone?: string | null;
  /** the user's unit system (Settings); metric when absent */
  displayUnits?: UnitsSetting;
}

/** A TSS not from power says so: TrainingPeaks computes its own rTSS or hrTSS for such workouts. */
function scoreNotes(score: WorkoutScore | undefined): ComparisonNote[] {
  if (!score || score.method === "power") return [];
  return [{ kind: "score", tone: "info", message: `Our TSS is a ${SCORE_METHOD_LABEL[score.method].toLowerCase()}: this workout has no power we could score against an FTP.` }];
}

function ftpNotes(ftp: FtpChoice, tpFtp: number | null): ComparisonNote[] {
  if (ftp.watts === null) {
    return [{ kind: "ftp", tone: "warn", message: "No FTP known, so our IF and TSS are empty. Enter your FTP to compute them." }];
  }
  const notes: ComparisonNote[] = [{ kind: "ftp", tone: "info", message: `Our IF and TSS use an FTP of ${ftp.watts} W (${ftp.label}).` }];
  if (tpFtp !== null && Math.abs(tpFtp - ftp.watts) > 2) {
    notes.push({
      kind: "ftp_mismatch",
      tone: "warn",
      message: `TrainingPeaks scored this workout with an FTP of about ${tpFtp} W, ours used ${ftp.watts} W: IF and TSS differ partly for that reason.`,
    });
  }
  return notes;
}

function noMatchNote(ranked: RankedCandidate[], sport: ActivitySport, searched: { start: string; end: string }, tolerance: number): ComparisonNote {
  const window = describeSeconds(tolerance);
  const days = searched.start === searched.end ? searched.start : `${searched.start} and ${searched.end}`;
  if (ranked.length === 0) {
    return { kind: "no_match", tone: "info", message: `No completed TrainingPeaks workout ${searched.start === searched.end ? "on" : "between"} ${days}, so there is nothing to compare with.` };
  }
  const nearest = ranked[0];
  const compatible = ranked.find((c) => c.compatible);
  const parts = [`No TrainingPeaks workout ${searched.start === searched.end ? "on" : "between"} ${days} starts within ${window} of this one with a matching type.`];
  if (nearest && !nearest.compatible && Math.abs(nearest.startTimeDeltaSeconds) <= tolerance) {
    parts.push(`“${nearest.activity.title}” starts ${describeSeconds(nearest.startTimeDeltaSeconds)} apart but is a ${nearest.activity.type} workout, not ${sport}.`);
  }
  if (compatible) {
    const when = compatible.startTimeDeltaSeconds > 0 ? "later" : "earlier";
    parts.push(`The nearest ${compatible.activity.type} workout, “${compatible.activity.title}”, starts ${describeSeconds(compatible.startTimeDeltaSeconds)} ${when}.`);
  }
  return { kind: "no_match", tone: "info", message: parts.join(" ") };
}

function missingNotes(ours: ComparisonMetrics, tp: ComparisonMetrics, isPremium: boolean | null): ComparisonNote[] {
  const missing = missingKeys(tp, PREMIUM_METRICS);
  if (missing.length === PREMIUM_METRICS.length && missingKeys(ours, PREMIUM_METRICS).length < PREMIUM_METRICS.length) {
    const why =
      isPremium === false
        ? "basic (free) TrainingPeaks athletes get null NP, TSS, IF, power, heart rate and cadence, so only duration and distance can be compared."
        : "basic (free) athletes get null NP, TSS, IF, power, heart rate and cadence; for a premium athlete TrainingPeaks may not have processed a device file for this workout yet.";
    return [{ kind: "basic_athlete", tone: "warn", message: `TrainingPeaks returned no power, heart rate or TSS: ${why}` }];
  }
  const weHaveTheyDont = missing.filter((k) => ours[k] !== null);
  if (weHaveTheyDont.length === 0) return [];
  return [{ kind: "missing_values", tone: "info", message: `TrainingPeaks has no ${metricLabels(weHaveTheyDont)} for this workout.` }];
}

export function buildComparison(input: BuildComparisonInput): ComparisonReport {
  const tolerance = input.toleranceSeconds ?? DEFAULT_MATCH_TOLERANCE_SECONDS;
  const ours = roundMetrics({ ...input.ours.metrics, ftp: input.ftp.watts });
  const activity = { title: input.ours.title, sport: input.ours.sport, startTime: input.ours.startTime.toISOString(), device: input.ours.device, legs: input.ours.legs ?? [] };
  const tp = input.trainingPeaks;
  const timeZone = resolveTimeZone(input.displayTimeZone).timeZone;
  const units = input.displayUnits ?? "metric";

  // Ours alone: TrainingPeaks was not asked, failed, or has no matching workout.
  const oursOnly = (notes: ComparisonNote[], trainingPeaks: ComparisonReport["trainingPeaks"]): ComparisonReport => ({
    comparison: { ours, trainingpeaks: null, match: null },
    timeZone,
    units,
    rows: compareMetrics(ours, null),
    notes: [...notes, ...ftpNotes(input.ftp, null), ...scoreNotes(input.ours.score)],
    activity,
    ftp: input.ftp,
    match: null,
    trainingPeaks,
    differing: 0,
  });

  if (tp.status !== "ok") {
    const note: ComparisonNote = { kind: "trainingpeaks", tone: tp.status === "unavailable" ? "warn" : "info", message: tp.reason };
    return oursOnly([note], { status: tp.status, timeZone: null, searched: null });
  }

  const zone = resolveTimeZone(tp.timeZone);
  const notes: ComparisonNote[] = [];
  if (zone.fallback) {
    const what = zone.fallback === "missing" ? "Your TrainingPeaks profile has no time zone" : `“${tp.timeZone}” is not a time zone we know`;
    notes.push({ kind: "time_zone", tone: "warn", message: `${what}, so TrainingPeaks start times (which carry no zone) were read as UTC: a workout may not match, or match off by your UTC offset.` });
  }
  if (tp.unreadable) {
    const n = tp.unreadable;
    notes.push({
      kind: "unreadable",
      tone: "warn",
      message: `${n} TrainingPeaks workout${n === 1 ? "" : "s"} on the days searched could not be read (TrainingPeaks sent ${n === 1 ? "it" : "them"} incomplete) and ${n === 1 ? "was" : "were"} left out of the match.`,
    });
  }
  const ranked = rankCandidates(input.ours, tp.activities, zone.timeZone);
  const within = ranked.filter((c) => isWithinTolerance(c, tolerance));
  const best = within[0];
  if (!best) {
    notes.push(noMatchNote(ranked, input.ours.sport, tp.searched, tolerance));
    return oursOnly(notes, { status: "no_match", timeZone: zone.timeZone, searched: tp.searched });
  }
  if (within.length > 1) {
    notes.push({ kind: "several_matches", tone: "info", message: `${within.length} TrainingPeaks workouts start within ${describeSeconds(tolerance)} of this one; compared with the nearest, “${best.activity.title}”.` });
  }
  const theirs = roundMetrics(tpActivityMetrics(best.activity, tp.thresholdFtp));
  const rows = compareMetrics(ours, theirs);
  notes.push(...missingNotes(ours, theirs, tp.isPremium));
  // Only a workout TrainingPeaks scored (it has an IF) says which FTP TrainingPeaks used.
  notes.push(...ftpNotes(input.ftp, theirs.intensityFactor === null ? null : theirs.ftp), ...scoreNotes(input.ours.score));
  return {
    comparison: { ours, trainingpeaks: theirs, match: { workoutId: best.activity.id, startTimeDeltaSeconds: best.startTimeDeltaSeconds } },
    timeZone,
    units,
    rows,
    notes,
    activity,
    ftp: input.ftp,
    match: {
      workoutId: best.activity.id,
      title: best.activity.title,
      type: best.activity.type,
      url: best.activity.url,
      startTimeLocal: best.activity.startTimeLocal ?? "",
      startTime: best.startTime.toISOString(),
      startTimeDeltaSeconds: best.startTimeDeltaSeconds,
    },
    trainingPeaks: { status: "matched", timeZone: zone.timeZone, searched: tp.searched },
    differing: rows.filter((r) => r.flag === "differs").length,
  };
}
