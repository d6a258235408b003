import "server-only";
import type { ActivityLap } from "@/lib/domain/activity";

/**
 * Laps that tile the activity exactly (pure): each lap rounded to whole seconds and clipped to [0, length), sorted by
 * start, overlaps trimmed (the earlier lap keeps the overlap), and every gap (including before the first and after the
 * last lap) filled with an unnamed lap. No laps at all → one unnamed lap for the whole activity; length 0 → none.
 * FIT and TCX readers expect laps to cover the ride, so both encoders write these.
 */
export function tileLaps(laps: readonly ActivityLap[], length: number): ActivityLap[] {
  if (!(length > 0)) return [];
  const clipped = laps
    .map((lap) => ({ start: Math.max(0, Math.round(lap.start)), end: Math.min(length, Math.round(lap.end)), name: lap.name }))
    .filter((lap) => Number.isFinite(lap.start) && Number.isFinite(lap.end) && lap.end > lap.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ActivityLap[] = [];
  let cursor = 0;
  for (const lap of clipped) {
    if (lap.start > cursor) out.push({ start: cursor, end: lap.start, name: null });
    const start = Math.max(lap.start, cursor);
    if (lap.end > start) out.push({ start, end: lap.end, name: lap.name });
    cursor = Math.max(cursor, lap.end);
  }
  if (cursor < length) out.push({ start: cursor, end: length, name: null });
  return out;
}
