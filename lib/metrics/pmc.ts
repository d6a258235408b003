import type { PmcDay } from "@/lib/domain/analytics";

/**
 * Performance management chart (pure), as TrainingPeaks and intervals.icu compute it:
 *   fitness  CTL_d = CTL_{d−1} + (load_d − CTL_{d−1}) / 42
 *   fatigue  ATL_d = ATL_{d−1} + (load_d − ATL_{d−1}) / 7
 *   form     TSB_d = CTL_{d−1} − ATL_{d−1}   (yesterday's values: how fresh you start the day)
 *   ramp     CTL_d − CTL_{d−7}               (fitness gained over the last week)
 * where load_d is the sum of the day's scores. Both averages start at 0 on the first day with a load (or `from`, when
 * earlier), so the range shown always carries the whole history before it.
 */
export const CTL_DAYS = 42;
export const ATL_DAYS = 7;
const RAMP_DAYS = 7;
const DAY_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a "YYYY-MM-DD" (NaN for anything else); no Date parsing, which dominated 10-year charts. */
function toEpochDay(day: string): number {
  const m = DAY.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : Number.NaN;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "YYYY-MM-DD" of a day number (Hinnant's civil-from-days), without a Date per day. */
function fromEpochDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad(m)}-${pad(d)}`;
}

export interface DailyLoad {
  day: string;
  load: number;
}

/** PMC for each day in [from, to]; `loads` may hold several entries per day and days outside the range. */
export function performanceManagement(loads: readonly DailyLoad[], from: string, to: string): PmcDay[] {
  const first = toEpochDay(from);
  const last = toEpochDay(to);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  let start = first;
  const byDay = new Map<number, number>();
  const parsed = new Map<string, number>();
  for (const { day, load } of loads) {
    let n = parsed.get(day);
    if (n === undefined) {
      n = toEpochDay(day);
      parsed.set(day, n);
    }
    if (!Number.isFinite(n) || n > last || !Number.isFinite(load)) continue;
    byDay.set(n, (byDay.get(n) ?? 0) + load);
    if (n < start) start = n;
  }
  const out: PmcDay[] = [];
  const ctlHistory = new Float64Array(last - start + 1);
  let ctl = 0;
  let atl = 0;
  for (let n = start, i = 0; n <= last; n++, i++) {
    const load = byDay.get(n) ?? 0;
    const tsb = ctl - atl;
    ctl += (load - ctl) / CTL_DAYS;
    atl += (load - atl) / ATL_DAYS;
    ctlHistory[i] = ctl;
    if (n < first) continue;
    const weekAgo = i >= RAMP_DAYS ? (ctlHistory[i - RAMP_DAYS] ?? 0) : 0;
    out.push({ day: fromEpochDay(n), load, ctl, atl, tsb, ramp: ctl - weekAgo });
  }
  return out;
}

/** What a form (TSB) value means, in the bands intervals.icu and TrainingPeaks coaches use. */
export function formLabel(tsb: number): string {
  if (tsb > 25) return "Transition: fitness is fading";
  if (tsb > 5) return "Fresh: ready to race";
  if (tsb >= -10) return "Neutral";
  if (tsb >= -30) return "Optimal training load";
  return "High risk: overreaching";
}

/** The PMC at the end of each Monday-to-Sunday week (the chart's table), with the week's summed load. */
export function weeklyPmc(days: readonly PmcDay[]): (PmcDay & { week: string })[] {
  const out: (PmcDay & { week: string })[] = [];
  let load = 0;
  for (const d of days) {
    load += d.load;
    const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || d === days[days.length - 1]) {
      const start = new Date(Date.parse(`${d.day}T00:00:00Z`) - ((weekday + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      out.push({ ...d, load, week: start });
      load = 0;
    }
  }
  return out;
}
