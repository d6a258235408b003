/**
 * Downsampling of 1-second series to `every_n` (docs/peloton-api.md §5.6: offsets 1, 1+N, …, plus the last second).
 * `first` is the offset of the first sample: 1 as a rule, 0 or 7 in some real graphs (quirks.ts).
 */
export function sampleOffsets(n: number, everyN: number, first = 1): number[] {
  const out: number[] = [];
  const last = first + n - 1;
  for (let s = first; s <= last; s += everyN) out.push(s);
  if (n > 0 && out[out.length - 1] !== last) out.push(last);
  return out;
}

/** Each sample averages its window (to the next offset); a window with no data is null. */
export function downsample(values: Float64Array, offsets: number[], digits: number, first = 1): Array<number | null> {
  const f = 10 ** digits;
  return offsets.map((start, j) => {
    const end = (offsets[j + 1] ?? values.length + first) - 1;
    let sum = 0;
    let count = 0;
    for (let s = start; s <= Math.max(start, end); s++) {
      const v = values[s - first];
      if (v === undefined || Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    return count ? Math.round((sum / count) * f) / f : null;
  });
}
