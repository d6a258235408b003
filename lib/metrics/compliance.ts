import { spanToSampleRange } from "@/lib/domain/targets";
import type { TimeSpan } from "@/lib/domain/targets";
import { averageOf } from "./series-stats";
import type { ResolvedTarget } from "./target-bands";
import type { ComplianceTally } from "./workout-chart-types";

/**
 * Time in target range (pure), always on the full-resolution series.
 *
 * Sample i covers [i·interval, (i+1)·interval) and belongs to a span when it begins inside it (spanToSampleRange), so
 * a 60 s span at 1 s holds 60 samples and at 5 s holds 12. Each sample counts `interval` seconds. A sample under two
 * overlapping spans counts once, for the earlier span. A null reading is neither in nor out of range: it is left out
 * of the denominator (`dataSeconds`) and counted in `missingSeconds`. Time after the last sample (a ride stopped
 * early) is not counted at all. Per segment: the same tallies restricted to the samples that begin in the segment.
 */
export function emptyTally(): ComplianceTally {
  return { targetSeconds: 0, dataSeconds: 0, inSeconds: 0, underSeconds: 0, overSeconds: 0, missingSeconds: 0, inPct: null };
}

function finish(tally: ComplianceTally): ComplianceTally {
  const round = (s: number) => Math.round(s * 1000) / 1000;
  const out = {
    targetSeconds: round(tally.targetSeconds),
    dataSeconds: round(tally.dataSeconds),
    inSeconds: round(tally.inSeconds),
    underSeconds: round(tally.underSeconds),
    overSeconds: round(tally.overSeconds),
    missingSeconds: round(tally.missingSeconds),
  };
  return { ...out, inPct: out.dataSeconds > 0 ? Math.round((out.inSeconds / out.dataSeconds) * 1000) / 10 : null };
}

/** For each sample, the index of the segment it begins in (segments sorted by start), or −1. */
export function sampleSegments(segments: readonly TimeSpan[], length: number, intervalSeconds: number): Int32Array {
  const out = new Int32Array(length).fill(-1);
  segments.forEach((segment, index) => {
    const { startIndex, endIndex } = spanToSampleRange(segment, { intervalSeconds, length });
    for (let i = startIndex; i < endIndex; i++) if (out[i] === -1) out[i] = index;
  });
  return out;
}

export interface TargetCompliance {
  total: ComplianceTally;
  /** one tally per segment (index-aligned with the segments given to sampleSegments) */
  segments: ComplianceTally[];
  /** per target span: average reading and seconds in range */
  spans: { avg: number | null; dataSeconds: number; inSeconds: number }[];
}

/** One sample of `dt` seconds into a tally: missing without a reading, else in, under or over the range. */
function count(t: ComplianceTally, effort: number | null, dt: number): void {
  t.targetSeconds += dt;
  if (effort === null) t.missingSeconds += dt;
  else {
    t.dataSeconds += dt;
    if (effort === 0) t.inSeconds += dt;
    else if (effort < 0) t.underSeconds += dt;
    else t.overSeconds += dt;
  }
}

export function targetCompliance(
  values: readonly (number | null)[],
  intervalSeconds: number,
  targets: readonly ResolvedTarget[],
  segmentOfSample: Int32Array,
  segmentCount: number,
  pace = false,
): TargetCompliance {
  const total = emptyTally();
  const perSegment = Array.from({ length: segmentCount }, emptyTally);
  const counted = new Uint8Array(values.length);
  const dt = intervalSeconds > 0 ? intervalSeconds : 1;
  const spans = targets.map((target) => {
    const { startIndex, endIndex } = spanToSampleRange(target, { intervalSeconds: dt, length: values.length });
    let dataSeconds = 0;
    let inSeconds = 0;
    for (let i = startIndex; i < endIndex; i++) {
      if (counted[i]) continue;
      counted[i] = 1;
      const segment = segmentOfSample[i] ?? -1;
      const v = values[i] ?? null;
      const effort = v === null ? null : target.classify(v);
      if (effort !== null) {
        dataSeconds += dt;
        if (effort === 0) inSeconds += dt;
      }
      count(total, effort, dt);
      if (segment >= 0 && segment < segmentCount) count(perSegment[segment] ?? emptyTally(), effort, dt);
    }
    return { avg: averageOf(values, startIndex, endIndex, pace), dataSeconds, inSeconds };
  });
  return { total: finish(total), segments: perSegment.map(finish), spans };
}
