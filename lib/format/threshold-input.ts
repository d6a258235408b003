import { THRESHOLD_LABEL, THRESHOLD_LIMITS, type ThresholdKind, type UnitsSetting } from "@/lib/domain/thresholds";
import { paceMetres } from "./quantity";
import { formatThreshold } from "./score";

/**
 * A threshold as typed in the settings form → its stored unit (pure): watts and bpm as numbers; a run pace as m:ss per
 * km or mile (the user's units); a rowing split as m:ss per 500 m. Out-of-range values get a message naming the range.
 */
const CLOCK = /^(\d{1,2}):([0-5]\d)$/;

function clockSeconds(text: string): number | null {
  const m = CLOCK.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export type ParsedThreshold = { ok: true; value: number } | { ok: false; message: string };

export function thresholdInputHint(kind: ThresholdKind, units: UnitsSetting): string {
  if (kind === "run_pace") return units === "imperial" ? "min:s per mile, e.g. 7:15" : "min:s per km, e.g. 4:30";
  if (kind === "row_split") return "min:s per 500 m, e.g. 2:05";
  return kind === "ftp" ? "watts" : "beats per minute";
}

export function parseThresholdInput(kind: ThresholdKind, text: string, units: UnitsSetting): ParsedThreshold {
  let value: number | null;
  if (kind === "run_pace") {
    const seconds = clockSeconds(text);
    value = seconds && seconds > 0 ? paceMetres(units) / seconds : null;
  } else if (kind === "row_split") {
    value = clockSeconds(text);
  } else {
    const n = Number(text.trim());
    value = text.trim() !== "" && Number.isFinite(n) ? n : null;
  }
  if (value === null) return { ok: false, message: `Enter ${THRESHOLD_LABEL[kind].toLowerCase()} as ${thresholdInputHint(kind, units)}.` };
  const { min, max } = THRESHOLD_LIMITS[kind];
  if (value < min || value > max) {
    return { ok: false, message: `${THRESHOLD_LABEL[kind]} must be between ${formatThreshold(kind, min, units)} and ${formatThreshold(kind, max, units)}.` };
  }
  return { ok: true, value: kind === "ftp" || kind.endsWith("_hr") ? Math.round(value) : value };
}
