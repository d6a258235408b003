/** Downsampling of 1-second series to `every_n` (docs/peloton-api.md §5.6: offsets 1, 1+N, …, plus the duration itself). */
export function sampleOffsets(n: number, everyN: number): number[] {
  const out: number[] = [];
  for (let s = 1; s <= n; s += everyN) out.push(s);
  if (n > 0 && out[out.length - 1] !== n) out.push(n);
  return out;
}

/** Each sample averages its window (to the next offset); a window with no data is null. */
export function downsample(values: Float64Array, offsets: number[], digits: number): Array<number | null> {
  const f = 10 ** digits;
  return offsets.map((start, j) => {
    const end = (offsets[j + 1] ?? values.length + 1) - 1;
    let sum = 0;
    let count = 0;
    for (let s = start; s <= Math.max(start, end); s++) {
      const v = values[s - 1];
      if (v === undefined || Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    return count ? Math.round((sum / count) * f) / f : null;
  });
}
