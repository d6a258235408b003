import { hexId } from "./ids";
import type { Series } from "./series";
import { round } from "./summary";
import type { WorkoutHeader } from "./types";

/** Per-mile (or km) splits from the cumulative distance (docs/peloton-api.md §5.6 `splits_data`). */
export function splitsData(series: Series, unit: "mi" | "km"): Record<string, unknown> {
  const { distance } = series;
  if (!distance || series.lat === undefined && series.speed === undefined) return {};
  const splits: Array<Record<string, unknown>> = [];
  let mark = 1;
  let from = 0;
  for (let s = 0; s < series.n; s++) {
    const d = distance[s] ?? 0;
    const last = s === series.n - 1;
    if (d >= mark || (last && d > mark - 1 + 0.01)) {
      const altitude = series.altitude;
      splits.push({
        seconds: s + 1 - from,
        distance_marker: last && d < mark ? round(d, 2) : mark,
        elevation_change: altitude ? Math.round((altitude[s] ?? 0) - (altitude[from] ?? 0)) : 0,
        order: splits.length + 1,
        is_best: false,
        has_floor_segment: false,
      });
      from = s + 1;
      mark++;
    }
  }
  const whole = splits.filter((x) => Number.isInteger(x.distance_marker));
  const best = whole.reduce<Record<string, unknown> | undefined>((b, x) => (!b || Number(x.seconds) < Number(b.seconds) ? x : b), undefined);
  if (best) best.is_best = true;
  return { distance_marker_display_unit: unit, elevation_change_display_unit: "ft", splits };
}

/** Rowing 500 m splits (docs/peloton-api.md §5.6 `splits_metrics`). */
export function splitsMetrics(series: Series): Record<string, unknown> {
  const header = [
    { slug: "meter", display_name: "Meter" }, { slug: "total_time", display_name: "Time" }, { slug: "pace", display_name: "Pace" },
    { slug: "spm", display_name: "SPM" }, { slug: "avg_output", display_name: "Avg Output" },
  ];
  const metrics: Array<{ is_best: boolean; has_floor_segment: boolean; data: Array<Record<string, unknown>> }> = [];
  let mark = 500;
  let from = 0;
  for (let s = 0; s < series.n && series.distance; s++) {
    if ((series.distance[s] ?? 0) < mark) continue;
    let spm = 0;
    let watts = 0;
    for (let k = from; k <= s; k++) {
      spm += series.strokeRate?.[k] ?? 0;
      watts += series.output?.[k] ?? 0;
    }
    const secs = s + 1 - from;
    metrics.push({
      is_best: false,
      has_floor_segment: false,
      data: [
        { slug: "meter", value: mark, unit: "m" }, { slug: "total_time", value: secs, unit: "sec" },
        { slug: "pace", value: round(secs / 60, 2), unit: "min/500m" }, { slug: "spm", value: Math.round(spm / secs), unit: "spm" },
        { slug: "avg_output", value: Math.round(watts / secs), unit: "watts" },
      ],
    });
    from = s + 1;
    mark += 500;
  }
  const timeOf = (m: (typeof metrics)[number]) => Number(m.data[1]?.value ?? Infinity);
  const best = metrics.reduce<(typeof metrics)[number] | undefined>((b, m) => (!b || timeOf(m) < timeOf(b) ? m : b), undefined);
  if (best) best.is_best = true;
  return { header, metrics };
}

/** GPS track every 2 s, split where the walker stood still (docs/peloton-api.md §5.6 `location_data`). */
export function locationData(header: WorkoutHeader, series: Series, unit: "mi" | "km"): Array<Record<string, unknown>> {
  const { lat, lon, distance, speed } = series;
  if (!lat || !lon || !distance) return [];
  const segments: Array<Record<string, unknown>> = [];
  let coords: Array<Record<string, unknown>> = [];
  const flush = (isGap: boolean) => {
    if (coords.length) segments.push({ segment_id: hexId(`gps:${header.id}:${segments.length}`), is_gap: isGap, coordinates: coords });
    coords = [];
  };
  let stopped = false;
  for (let s = 0; s < series.n; s += 2) {
    const still = (speed?.[s] ?? 1) === 0;
    if (still !== stopped) {
      flush(stopped);
      stopped = still;
    }
    coords.push({
      seconds_offset_from_start: s + 1,
      latitude: round(lat[s] ?? 0, 6),
      longitude: round(lon[s] ?? 0, 6),
      accuracy: 4 + ((header.seed >> (s % 16)) & 7),
      distance: round(distance[s] ?? 0, 3),
      distance_display_unit: unit,
    });
  }
  flush(stopped);
  return segments;
}

/** Row only: per-stroke output and a form score (docs/peloton-api.md §5.6 `caesar_metrics`). */
export function caesarMetrics(header: WorkoutHeader, series: Series): Record<string, unknown> {
  const data: Array<Record<string, unknown>> = [];
  let next = 0;
  for (let s = 0; s < series.n; s++) {
    if (s < next) continue;
    const rate = series.strokeRate?.[s] ?? 20;
    data.push({
      id: `${header.id.slice(0, 24)}${data.length.toString(16).padStart(8, "0")}`,
      seconds_since_pedaling_start: s + 1,
      output: Math.round(series.output?.[s] ?? 0),
      stroke_rate: rate,
      errors: [],
    });
    next = s + Math.max(1, Math.round(60 / Math.max(rate, 1)));
  }
  const score = 70 + (header.seed % 25);
  return {
    output: { slug: "stroke_output", display_name: "Stroke Output", display_unit: "watts", data },
    detail: { score, user_avg_score: score - 3, segments: [] },
  };
}
