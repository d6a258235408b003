import type { FtpSourceSetting, ResolvedThreshold, ResolvedThresholds, ThresholdEntry, ThresholdKind, ThresholdSource } from "@/lib/domain/thresholds";

/**
 * The thresholds in force on a day (pure). A dated value applies from its day until the next value from the same
 * sources; a workout before the first value borrows the first (TrainingPeaks only tells us today's thresholds, so its
 * first value stands for the past too).
 *
 * FTP follows the FTP source setting:
 *   peloton        the FTP the ride was taken with (Peloton's ftp_info), else Peloton's dated FTPs
 *   trainingpeaks  TrainingPeaks' dated FTPs
 *   manual         your own values (typed, or "set as my FTP" from a test) from their day on; before your first one,
 *                  Peloton's as above
 * When the chosen source has nothing at all, the others stand in (Peloton, TrainingPeaks, yours), marked `fallback`.
 * Heart rates, run pace and rowing split: your own values from their day on, else the providers' (TrainingPeaks before
 * Peloton on the same day), else the first known value.
 */
export interface ThresholdHistory {
  entries: readonly ThresholdEntry[];
  ftpSource: FtpSourceSetting;
}

type Candidate = (day: string) => ResolvedThreshold | null;

const OWN: readonly ThresholdSource[] = ["manual", "ftp_test"];
const PROVIDERS: readonly ThresholdSource[] = ["trainingpeaks", "peloton"];

function ofKind(entries: readonly ThresholdEntry[], kind: ThresholdKind, sources: readonly ThresholdSource[]): ThresholdEntry[] {
  // Sorted by day, then by source preference (earlier in `sources` wins a tie, so it comes last).
  return entries
    .filter((e) => e.kind === kind && sources.includes(e.source))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || sources.indexOf(b.source) - sources.indexOf(a.source));
}

const resolved = (e: ThresholdEntry | undefined, fallback: boolean): ResolvedThreshold | null =>
  e ? { value: e.value, source: e.source, effectiveFrom: e.effectiveFrom, fallback } : null;

function onOrBefore(list: readonly ThresholdEntry[], day: string): ThresholdEntry | undefined {
  let found: ThresholdEntry | undefined;
  for (const e of list) {
    if (e.effectiveFrom > day) break;
    found = e;
  }
  return found;
}

const inForce = (list: readonly ThresholdEntry[], fallback: boolean): Candidate => (day) => resolved(onOrBefore(list, day), fallback);
const first = (list: readonly ThresholdEntry[], fallback: boolean): Candidate => () => resolved(list[0], fallback);

function firstOf(candidates: Candidate[], day: string): ResolvedThreshold | null {
  for (const candidate of candidates) {
    const value = candidate(day);
    if (value) return value;
  }
  return null;
}

export interface ThresholdResolver {
  /** `workoutFtp`: the FTP Peloton recorded with the ride, when there is one */
  on(day: string, workoutFtp?: number | null): ResolvedThresholds;
}

/** Prepares the history once, then resolves any number of days (a rescoring pass resolves thousands). */
export function thresholdResolver(history: ThresholdHistory): ThresholdResolver {
  const { entries, ftpSource } = history;
  const own = (kind: ThresholdKind) => ofKind(entries, kind, OWN);
  const providers = (kind: ThresholdKind) => ofKind(entries, kind, PROVIDERS);
  const peloton = ofKind(entries, "ftp", ["peloton"]);
  const trainingPeaks = ofKind(entries, "ftp", ["trainingpeaks"]);
  const ownFtp = own("ftp");

  const pelotonChain = (fallback: boolean): Candidate[] => [inForce(peloton, fallback), first(peloton, fallback)];
  const tpChain = (fallback: boolean): Candidate[] => [inForce(trainingPeaks, fallback), first(trainingPeaks, fallback)];

  const others = (kind: ThresholdKind): Candidate[] => {
    const mine = own(kind);
    const theirs = providers(kind);
    return [inForce(mine, false), inForce(theirs, false), first(mine, false), first(theirs, false)];
  };
  const chains = { thresholdHr: others("threshold_hr"), maxHr: others("max_hr"), restingHr: others("resting_hr"), runPace: others("run_pace"), rowSplit: others("row_split") };

  return {
    on(day, workoutFtp) {
      const rideFtp = typeof workoutFtp === "number" && Number.isFinite(workoutFtp) && workoutFtp > 0 ? workoutFtp : null;
      // The FTP Peloton applied to this very ride beats Peloton's dated values (it is exact even on a test day).
      const fromRide = (fallback: boolean): Candidate => () => (rideFtp === null ? null : { value: rideFtp, source: "peloton", effectiveFrom: day, fallback });
      const ftpChain: Candidate[] =
        ftpSource === "trainingpeaks"
          ? [...tpChain(false), fromRide(true), ...pelotonChain(true), inForce(ownFtp, true), first(ownFtp, true)]
          : ftpSource === "manual"
            ? [inForce(ownFtp, false), fromRide(true), ...pelotonChain(true), ...tpChain(true), first(ownFtp, false)]
            : [fromRide(false), ...pelotonChain(false), ...tpChain(true), inForce(ownFtp, true), first(ownFtp, true)];
      return {
        ftp: firstOf(ftpChain, day),
        thresholdHr: firstOf(chains.thresholdHr, day),
        maxHr: firstOf(chains.maxHr, day),
        restingHr: firstOf(chains.restingHr, day),
        runPace: firstOf(chains.runPace, day),
        rowSplit: firstOf(chains.rowSplit, day),
      };
    },
  };
}

/** What a workout's score depends on, as a string: when it changes, the workout is rescored. */
export const SCORE_VERSION = 1;

export function scoreInputsKey(discipline: string, t: ResolvedThresholds): string {
  const v = (r: ResolvedThreshold | null) => (r ? `${Math.round(r.value * 1000) / 1000}${r.source[0]}` : "-");
  const hr = `${v(t.thresholdHr)}/${v(t.maxHr)}/${v(t.restingHr)}`;
  const main = discipline === "cycling" || discipline === "bike_bootcamp" ? v(t.ftp) : discipline === "running" || discipline === "walking" ? v(t.runPace) : discipline.startsWith("caesar") ? v(t.rowSplit) : "";
  return `${SCORE_VERSION}|${main}|${hr}`;
}
