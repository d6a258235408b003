import type { ComparisonMetrics } from "@/lib/domain/activity";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatDuration } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";
import { formatFixed } from "@/lib/format/intl";
import { METRIC_SPECS, type MetricKey, type MetricRow, type RowFlag } from "./metrics";

/** Display text for comparison values, shared by the web table and the CLI (pure). */

const spec = (key: MetricKey) => METRIC_SPECS.find((s) => s.key === key);

function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

/** Decimals shown to people: fewer than the JSON keeps (1 W is precise enough to read). */
const SHOWN_DECIMALS: Record<MetricKey, number> = {
  durationSeconds: 0,
  distanceMeters: 0,
  avgPower: 0,
  maxPower: 0,
  normalizedPower: 0,
  intensityFactor: 2,
  tss: 1,
  avgHeartRate: 0,
  avgCadence: 0,
  ftp: 0,
};

/** A figure for people; distances in the user's unit system (metric by default, as the CLI prints). */
export function formatMetricValue(key: MetricKey, value: number | null, units: UnitsSetting = "metric"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (key === "durationSeconds") return formatDuration(value);
  if (key === "distanceMeters") return formatDistance(value, units);
  return withUnit(formatFixed(value, SHOWN_DECIMALS[key]), spec(key)?.unit ?? "");
}

/** A span in words, without sign: "42 s", "1 min 30 s", "42 min", "1 h 05 min". */
export function describeSeconds(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  // Seconds still matter within a few minutes (the match tolerance is 5 min); beyond that they are noise.
  if (s < 600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")} min`;
}

function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** ours − TrainingPeaks with its sign and unit, e.g. "+12 W (+5.1 %)", "−0:19", "+120 m" (or "+394 ft"). */
export function formatDelta(row: Pick<MetricRow, "key" | "delta" | "deltaPercent">, units: UnitsSetting = "metric"): string {
  if (row.delta === null) return "—";
  const magnitude = Math.abs(row.delta);
  let text: string;
  if (row.key === "durationSeconds") text = formatDuration(magnitude);
  else if (row.key === "distanceMeters") text = magnitude < 0.5 ? (units === "imperial" ? "0 ft" : "0 m") : formatDistance(magnitude, units);
  else text = withUnit(formatFixed(magnitude, SHOWN_DECIMALS[row.key]), spec(row.key)?.unit ?? "");
  // A delta that shows as zero gets no sign ("0 m", not "−0 m").
  const shownZero = Math.round(magnitude * 10 ** SHOWN_DECIMALS[row.key]) === 0;
  const percent = row.deltaPercent === null || shownZero ? "" : ` (${signed(`${Math.abs(row.deltaPercent).toFixed(1)} %`, row.deltaPercent)})`;
  return `${shownZero ? text : signed(text, row.delta)}${percent}`;
}

export const FLAG_LABELS: Record<RowFlag, string> = {
  ok: "Agrees",
  differs: "Differs",
  missing_tp: "Not in TrainingPeaks",
  missing_ours: "Not in the file",
};

/** The premium-only fields (docs/trainingpeaks-api.md §5.3: null for basic athletes). */
export const PREMIUM_METRICS: readonly MetricKey[] = ["avgPower", "maxPower", "normalizedPower", "intensityFactor", "tss", "avgHeartRate", "avgCadence"];

const IN_SENTENCE: Record<MetricKey, string> = {
  durationSeconds: "duration",
  distanceMeters: "distance",
  avgPower: "average power",
  maxPower: "max power",
  normalizedPower: "NP",
  intensityFactor: "IF",
  tss: "TSS",
  avgHeartRate: "heart rate",
  avgCadence: "cadence",
  ftp: "FTP",
};

/** "average power, NP and TSS" */
export function metricLabels(keys: readonly MetricKey[]): string {
  const labels = keys.map((k) => IN_SENTENCE[k]);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1) ?? ""}`;
}

export function missingKeys(m: ComparisonMetrics, keys: readonly MetricKey[]): MetricKey[] {
  return keys.filter((k) => m[k] === null);
}

/** How TrainingPeaks' start relates to ours, e.g. "TrainingPeaks starts 12 s later". */
export function describeStartDelta(seconds: number): string {
  if (seconds === 0) return "Same start time";
  return `TrainingPeaks starts ${describeSeconds(seconds)} ${seconds > 0 ? "later" : "earlier"}`;
}

const SPORTS: Record<string, string> = {
  cycling: "Cycling",
  running: "Running",
  walking: "Walking",
  rowing: "Rowing",
  training: "Training",
  fitnessEquipment: "Fitness equipment",
  generic: "Workout",
  multisport: "Multisport",
};

export function sportLabel(sport: string): string {
  return SPORTS[sport] ?? sport;
}
