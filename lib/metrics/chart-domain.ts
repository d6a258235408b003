/**
 * Y-axis domains for the stacked charts (pure): the data range (or a robust range for pace), widened to include the
 * target bands, padded by 5 % and snapped outwards to a 1/2/5 × 10^k step (at least `minStep`, e.g. 1 for whole
 * numbers) so tick labels are round.
 */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  const factor = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return factor * power;
}

export function niceDomain(
  values: readonly (number | null | undefined)[],
  opts: { zero?: boolean; nonNegative?: boolean; minStep?: number } = {},
): [number, number] {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (!finite.length) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (opts.zero) lo = Math.min(0, lo);
  if (hi === lo) {
    const pad = Math.max(1, Math.abs(hi) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const pad = (hi - lo) * 0.05;
  const step = Math.max(niceStep((hi - lo) / 4), opts.minStep ?? 0);
  let low = Math.floor((opts.zero && lo === 0 ? 0 : lo - pad) / step) * step;
  const high = Math.ceil((hi + pad) / step) * step;
  if ((opts.nonNegative || opts.zero) && Math.min(...finite) >= 0) low = Math.max(0, low);
  const clean = (v: number) => Math.round(v * 1e6) / 1e6 || 0;
  return [clean(low), clean(high)];
}

/** Round tick values inside a domain: about `maxTicks` of them, on a 1/2/5 × 10^k step (at least `minStep`). */
export function axisTicks(domain: readonly [number, number], maxTicks = 5, minStep = 0): number[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (!(hi > lo)) return [lo];
  const step = Math.max(niceStep((hi - lo) / Math.max(1, maxTicks - 1)), minStep);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) ticks.push(Math.round(v * 1e6) / 1e6 || 0);
  return ticks;
}
