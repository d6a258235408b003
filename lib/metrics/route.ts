import type { WorkoutSeries } from "@/lib/domain/series";

/**
 * An outdoor workout's GPS track as an SVG path (pure): no map tiles, just the shape of the route. Points are
 * projected with an equirectangular projection around the track's mean latitude (true to shape at workout scale),
 * fitted into the view box with the aspect kept, thinned to at most `maxPoints`; gaps (no fix) break the line.
 */
export interface RouteTrace {
  /** the SVG `d` attribute: one "M…L…" run per stretch with a fix */
  path: string;
  width: number;
  height: number;
  start: { x: number; y: number };
  finish: { x: number; y: number };
  /** the track's extent on the ground, metres */
  spanMeters: { eastWest: number; northSouth: number };
  points: number;
}

const EARTH_RADIUS_M = 6_371_000;

function isCoordinate(lat: number | null | undefined, lon: number | null | undefined): lat is number {
  return typeof lat === "number" && typeof lon === "number" && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

/** The trace of a series with a GPS track, or null when it has fewer than two fixes or they don't move (indoors). */
export function buildRouteTrace(series: Pick<WorkoutSeries, "channels"> | null, opts: { size?: number; padding?: number; maxPoints?: number } = {}): RouteTrace | null {
  const lats = series?.channels.latitude;
  const lons = series?.channels.longitude;
  if (!lats || !lons) return null;
  const size = opts.size ?? 320;
  const padding = opts.padding ?? 12;
  const maxPoints = opts.maxPoints ?? 600;

  const fixes: { i: number; lat: number; lon: number }[] = [];
  for (let i = 0; i < Math.min(lats.length, lons.length); i++) {
    const lat = lats[i];
    const lon = lons[i];
    if (isCoordinate(lat, lon)) fixes.push({ i, lat, lon: lon as number });
  }
  if (fixes.length < 2) return null;

  const meanLat = fixes.reduce((s, f) => s + f.lat, 0) / fixes.length;
  const kx = Math.cos((meanLat * Math.PI) / 180) * ((Math.PI / 180) * EARTH_RADIUS_M);
  const ky = (Math.PI / 180) * EARTH_RADIUS_M;
  const ground = fixes.map((f) => ({ i: f.i, x: f.lon * kx, y: f.lat * ky }));
  const xs = ground.map((p) => p.x);
  const ys = ground.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  if (Math.max(spanX, spanY) < 5) return null;

  const inner = size - 2 * padding;
  const scale = inner / Math.max(spanX, spanY);
  const width = Math.round(spanX * scale + 2 * padding);
  const height = Math.round(spanY * scale + 2 * padding);
  // north up: SVG y grows downwards
  const project = (p: { x: number; y: number }) => ({ x: round1(padding + (p.x - minX) * scale), y: round1(padding + (maxY - p.y) * scale) });

  // a gap in the fixes well beyond their usual spacing (a tunnel, a paused watch) starts a new stretch of line
  const gaps = ground.slice(1).map((p, n) => p.i - (ground[n]?.i ?? p.i)).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 1;
  const breakAt = (n: number) => n > 0 && (ground[n]?.i ?? 0) - (ground[n - 1]?.i ?? 0) > Math.max(10, usual * 5);

  const step = Math.max(1, Math.ceil(ground.length / maxPoints));
  const parts: string[] = [];
  let kept = 0;
  let broken = true;
  for (let n = 0; n < ground.length; n++) {
    const p = ground[n];
    if (!p) continue;
    if (breakAt(n)) broken = true;
    // keep every step-th fix, the last one, and both ends of every gap
    if (n % step !== 0 && n !== ground.length - 1 && !broken && !breakAt(n + 1)) continue;
    const q = project(p);
    parts.push(`${broken ? "M" : "L"}${q.x} ${q.y}`);
    broken = false;
    kept++;
  }
  const first = ground[0];
  const last = ground[ground.length - 1];
  if (!first || !last) return null;
  return {
    path: parts.join(""),
    width,
    height,
    start: project(first),
    finish: project(last),
    spanMeters: { eastWest: Math.round(spanX), northSouth: Math.round(spanY) },
    points: kept,
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
