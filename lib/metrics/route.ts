import type { WorkoutSeries } from "@/lib/domain/series";
import { mercatorX, mercatorY, type WorldFrame } from "./map-tiles";

/**
 * An outdoor workout's GPS track as an SVG path (pure): the shape of the route, drawable alone or over map tiles.
 * Points are projected with Web Mercator (conformal, so true to shape at workout scale, and the projection tile
 * servers use: map-tiles.ts), fitted into the view box with the aspect kept, thinned to at most `maxPoints`; gaps
 * (no fix) break the line.
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
  /** where the view box sits on the Mercator world, to lay map tiles under the trace */
  frame: WorldFrame;
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

  const fixLats = fixes.map((f) => f.lat);
  const meanLat = fixLats.reduce((s, lat) => s + lat, 0) / fixes.length;
  // the extent on the ground, metres (equirectangular around the mean latitude)
  const spanX = (Math.max(...fixes.map((f) => f.lon)) - Math.min(...fixes.map((f) => f.lon))) * Math.cos((meanLat * Math.PI) / 180) * ((Math.PI / 180) * EARTH_RADIUS_M);
  const spanY = (Math.max(...fixLats) - Math.min(...fixLats)) * ((Math.PI / 180) * EARTH_RADIUS_M);
  if (Math.max(spanX, spanY) < 5) return null;

  // Mercator world fractions; y grows southwards, as in SVG, so north is up
  const ground = fixes.map((f) => ({ i: f.i, x: mercatorX(f.lon), y: mercatorY(f.lat) }));
  const [minX, maxX] = [Math.min(...ground.map((p) => p.x)), Math.max(...ground.map((p) => p.x))];
  const [minY, maxY] = [Math.min(...ground.map((p) => p.y)), Math.max(...ground.map((p) => p.y))];
  const inner = size - 2 * padding;
  const scale = inner / Math.max(maxX - minX, maxY - minY);
  const width = Math.round((maxX - minX) * scale + 2 * padding);
  const height = Math.round((maxY - minY) * scale + 2 * padding);
  const project = (p: { x: number; y: number }) => ({ x: round1(padding + (p.x - minX) * scale), y: round1(padding + (p.y - minY) * scale) });

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
    frame: { left: minX, top: minY, scale, padding, width, height },
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
