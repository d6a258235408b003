/**
 * Display-only downsampling on a shared time axis (pure). Never used for compliance or statistics.
 *
 * Rule. `maxPoints` is a bucket budget: no channel ever gets more than 2 × maxPoints points. A series of `length`
 * samples is left untouched while length ≤ 2 × maxPoints (buckets of two samples would keep both samples anyway, so
 * there is nothing to gain). Above that the samples are cut into equal buckets of `bucket = ceil(length / maxPoints)`
 * consecutive samples (the last may be shorter), so there are at most maxPoints buckets.
 * Every bucket becomes two points (one when it holds a single sample), placed at the bucket's
 * first sample and its middle sample. Each channel puts its bucket minimum and maximum into those two slots in the
 * order they occur, so a 1-second spike keeps its full height and the rise/fall keeps its direction; a point moves
 * by less than one bucket in time (≤ 5 s for a 2-hour ride at 1 s with the default 1500). A bucket with no reading
 * is [null, null], a gap in the line. A bucket with some readings keeps their extremes: a gap shorter than two
 * buckets may therefore close up, which at the default budget is under about a pixel of chart width.
 */
export interface DownsampledColumns {
  /** samples per bucket; 1 when nothing was downsampled */
  bucket: number;
  /** for each output point, the index of the source sample whose time it takes */
  indexes: number[];
  columns: (number | null)[][];
}

export function minMaxDownsample(
  columns: readonly (readonly (number | null)[])[],
  length: number,
  maxPoints: number,
): DownsampledColumns {
  const budget = Number.isFinite(maxPoints) && maxPoints >= 1 ? Math.floor(maxPoints) : 1;
  if (length <= 2 * budget) {
    return {
      bucket: 1,
      indexes: Array.from({ length }, (_, i) => i),
      columns: columns.map((c) => Array.from({ length }, (_, i) => c[i] ?? null)),
    };
  }
  const bucket = Math.ceil(length / budget);
  const indexes: number[] = [];
  for (let lo = 0; lo < length; lo += bucket) {
    const size = Math.min(bucket, length - lo);
    indexes.push(lo);
    if (size > 1) indexes.push(lo + Math.floor(size / 2));
  }
  const out = columns.map((column) => {
    const values: (number | null)[] = [];
    for (let lo = 0; lo < length; lo += bucket) {
      const hi = Math.min(length, lo + bucket);
      let minAt = -1;
      let maxAt = -1;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = lo; i < hi; i++) {
        const v = column[i];
        if (v === null || v === undefined) continue;
        if (v < min) [min, minAt] = [v, i];
        if (v > max) [max, maxAt] = [v, i];
      }
      if (hi - lo === 1) values.push(minAt === -1 ? null : min);
      else if (minAt === -1) values.push(null, null);
      else if (minAt <= maxAt) values.push(min, max);
      else values.push(max, min);
    }
    return values;
  });
  return { bucket, indexes, columns: out };
}
