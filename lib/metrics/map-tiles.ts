/**
 * Web Mercator tile math for the route's optional map background (pure). Coordinates are "world" fractions:
 * x = 0 at 180° W … 1 at 180° E, y = 0 at the top (≈ 85.05° N) … 1 at the bottom, as slippy-map tile servers cut
 * them (tile (x, y) of zoom z covers world fractions [x, x + 1) / 2^z). The route is projected with the same math
 * (route.ts), so the trace and the tiles line up.
 */
export const TILE_SIZE = 256;
export const MAX_TILE_ZOOM = 18;
const MAX_LATITUDE = 85.05112878;

/** A tile server: `urlTemplate` with {z}, {x} and {y}, and the attribution its terms require. */
export interface TileSource {
  urlTemplate: string;
  attribution: string;
}

export interface MapTile {
  href: string;
  /** position and size in the route's view box */
  x: number;
  y: number;
  size: number;
}

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const rad = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return (1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2;
}

/** The tile holding a coordinate at zoom `z`. */
export function tileOf(lat: number, lon: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v * n)));
  return { x: clamp(mercatorX(lon)), y: clamp(mercatorY(lat)) };
}

/** The deepest zoom (≤ maxZoom) at which a span of `worldSpan` (world fractions) fits in `pixels` screen pixels. */
export function fitZoom(worldSpan: number, pixels: number, maxZoom = MAX_TILE_ZOOM): number {
  if (!(worldSpan > 0) || !(pixels > 0)) return maxZoom;
  const z = Math.floor(Math.log2(pixels / (worldSpan * TILE_SIZE)));
  return Math.max(0, Math.min(maxZoom, z));
}

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replaceAll("{z}", String(z)).replaceAll("{x}", String(x)).replaceAll("{y}", String(y));
}

/** Where a view box sits on the world: view-box point (px, py) is world (left + (px − padding) / scale, top + …). */
export interface WorldFrame {
  left: number;
  top: number;
  /** view-box units per world fraction */
  scale: number;
  padding: number;
  width: number;
  height: number;
}

/**
 * The tiles that cover a view box, at the zoom that fits its content into `pixels` (the view box drawn at twice its
 * size, for sharp tiles on high-density screens). None without a tile source: nothing is requested then.
 */
export function coveringTiles(frame: WorldFrame, source: TileSource | null, opts: { pixels?: number; maxZoom?: number; maxTiles?: number } = {}): { zoom: number; tiles: MapTile[] } | null {
  if (!source || !(frame.scale > 0)) return null;
  const content = Math.max(frame.width, frame.height) - 2 * frame.padding;
  const zoom = fitZoom(content / frame.scale, opts.pixels ?? 2 * content, opts.maxZoom);
  const n = 2 ** zoom;
  const toWorld = (v: number) => (v - frame.padding) / frame.scale;
  const [x0, x1] = [Math.floor((frame.left + toWorld(0)) * n), Math.ceil((frame.left + toWorld(frame.width)) * n) - 1];
  const [y0, y1] = [Math.max(0, Math.floor((frame.top + toWorld(0)) * n)), Math.min(n - 1, Math.ceil((frame.top + toWorld(frame.height)) * n) - 1)];
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > (opts.maxTiles ?? 64)) return null;
  const size = frame.scale / n;
  const at = (world: number, origin: number) => Math.round((frame.padding + (world - origin) * frame.scale) * 1000) / 1000;
  const tiles: MapTile[] = [];
  for (let ty = y0; ty <= y1; ty++) {
    for (let tx = x0; tx <= x1; tx++) {
      // across the antimeridian the same tiles repeat
      const wrapped = ((tx % n) + n) % n;
      tiles.push({ href: tileUrl(source.urlTemplate, zoom, wrapped, ty), x: at(tx / n, frame.left), y: at(ty / n, frame.top), size: Math.round(size * 1000) / 1000 });
    }
  }
  return { zoom, tiles };
}

/** The origin tiles are fetched from (for the CSP's img-src); null for a template that is not an http(s) URL. */
export function tileOrigin(template: string): string | null {
  try {
    const url = new URL(tileUrl(template, 0, 0, 0));
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** A usable tile URL template: http(s), a fixed host, and {z}, {x} and {y} in its path or query. */
export function isTileTemplate(template: string): boolean {
  return ["{z}", "{x}", "{y}"].every((p) => template.includes(p)) && tileOrigin(template) !== null && !/[{}]/.test(tileOrigin(template) ?? "{");
}
