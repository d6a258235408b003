import { CURVE_SECONDS } from "./mmp";

/**
 * Compact storage of one workout's mean-maximal curve (pure): 4 header bytes (format version, kind, point count, 0)
 * then one little-endian uint16 per CURVE_SECONDS duration. Power is stored in whole watts, speed in mm/s (pace curves),
 * 0 meaning "no value" (the workout was shorter). 52 durations → 108 bytes per curve, far below the 1 KB budget.
 * A stored curve always uses the CURVE_SECONDS of its version, so it decodes the same after the list changes.
 */
export type CurveKind = "power" | "speed";

const VERSION = 1;
const HEADER = 4;
const KIND_CODE: Record<CurveKind, number> = { power: 1, speed: 2 };
const SCALE: Record<CurveKind, number> = { power: 1, speed: 1000 };
const MAX_U16 = 65535;

export function encodeCurve(kind: CurveKind, values: ArrayLike<number>): Uint8Array {
  const count = Math.min(values.length, CURVE_SECONDS.length);
  const bytes = new Uint8Array(HEADER + 2 * count);
  bytes[0] = VERSION;
  bytes[1] = KIND_CODE[kind];
  bytes[2] = count;
  for (let i = 0; i < count; i++) {
    const v = values[i] ?? 0;
    const scaled = Number.isFinite(v) && v > 0 ? Math.min(MAX_U16, Math.round(v * SCALE[kind])) : 0;
    bytes[HEADER + 2 * i] = scaled & 0xff;
    bytes[HEADER + 2 * i + 1] = scaled >> 8;
  }
  return bytes;
}

/** The stored values in the kind's unit (W or m/s), one per CURVE_SECONDS entry; null for bytes that are not a curve. */
export function decodeCurve(bytes: Uint8Array): { kind: CurveKind; values: Float64Array } | null {
  if (bytes.length < HEADER || bytes[0] !== VERSION) return null;
  const kind: CurveKind | null = bytes[1] === 1 ? "power" : bytes[1] === 2 ? "speed" : null;
  const count = bytes[2] ?? 0;
  if (!kind || bytes.length < HEADER + 2 * count) return null;
  const values = new Float64Array(CURVE_SECONDS.length);
  const scale = SCALE[kind];
  for (let i = 0; i < count && i < values.length; i++) values[i] = ((bytes[HEADER + 2 * i] ?? 0) | ((bytes[HEADER + 2 * i + 1] ?? 0) << 8)) / scale;
  return { kind, values };
}

/**
 * The raw uint16 of each point, straight from the bytes: what aggregation compares (no division per point). The
 * caller knows the kind; a malformed curve yields nothing.
 */
export function forEachCurvePoint(bytes: Uint8Array, visit: (index: number, raw: number) => void): void {
  if (bytes.length < HEADER || bytes[0] !== VERSION) return;
  const count = Math.min(bytes[2] ?? 0, CURVE_SECONDS.length, (bytes.length - HEADER) >> 1);
  for (let i = 0; i < count; i++) {
    const raw = (bytes[HEADER + 2 * i] ?? 0) | ((bytes[HEADER + 2 * i + 1] ?? 0) << 8);
    if (raw > 0) visit(i, raw);
  }
}

export function curveScale(kind: CurveKind): number {
  return SCALE[kind];
}
