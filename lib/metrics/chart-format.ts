/** Pure text formatting shared by the chart data builder and the chart components. */

/** Seconds → "m:ss" below an hour, "h:mm:ss" from an hour on (negative → "-m:ss"). */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const sign = seconds < 0 ? "-" : "";
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${ss}` : `${sign}${m}:${ss}`;
}

/** Decimal minutes (Peloton's pace: 9.5 = 9:30) → "m:ss". */
export function formatPace(minutes: number): string {
  return formatClock(minutes * 60);
}

/** "min/mi" → "/mi", so a pace reads "9:30 /mi". */
export function paceSuffix(unit: string): string {
  return unit.startsWith("min/") ? `/${unit.slice(4)}` : unit;
}

export interface ValueFormat {
  unit: string;
  decimals: number;
  pace: boolean;
}

/** A reading with its unit ("212 W", "13.4 mph", "9:30 /mi"); null → "–". */
export function formatValue(value: number | null | undefined, format: ValueFormat, withUnit = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = format.pace ? formatPace(value) : value.toFixed(format.decimals);
  if (!withUnit) return text;
  const unit = format.pace ? paceSuffix(format.unit) : format.unit;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/** A range with one unit ("80–90 rpm", "8:30–9:02 /mi", "182–210 W"). */
export function formatRange(lower: number, upper: number, format: ValueFormat): string {
  if (lower === upper) return formatValue(lower, format);
  return `${formatValue(lower, format, false)}–${formatValue(upper, format)}`;
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)}%`;
}

const TICK_STEPS = [15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200];

/** Round-minute tick positions for a time axis of `end` seconds: at most `maxTicks` (≥ 2) ticks, 0 included. */
export function timeTicks(end: number, maxTicks = 7): number[] {
  if (!(end > 0)) return [0];
  const limit = Math.max(2, maxTicks);
  const step = TICK_STEPS.find((s) => Math.floor(end / s) + 1 <= limit) ?? Math.ceil(end / (limit - 1) / 3600) * 3600;
  const ticks: number[] = [];
  for (let t = 0; t <= end; t += step) ticks.push(t);
  return ticks;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A week's Monday ("2026-05-04") as an axis tick people read at a glance: "4 May". */
export function formatDayTick(isoDay: string): string {
  const [, month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay)?.slice(1) ?? [];
  const name = MONTHS[Number(month) - 1];
  return name && day ? `${Number(day)} ${name}` : isoDay;
}

/** Axis numbers short enough for a narrow axis: 950, 1.2k, 12k, 1.5M. */
export function formatAxisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${trim(value / 1_000_000)}M`;
  if (abs >= 1000) return `${trim(value / 1000)}k`;
  return trim(value);
}

function trim(v: number): string {
  return String(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10);
}
