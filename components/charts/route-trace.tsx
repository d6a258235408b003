import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatDistance } from "@/lib/format/quantity";
import { coveringTiles, type TileSource } from "@/lib/metrics/map-tiles";
import type { RouteTrace } from "@/lib/metrics/route";
import { formatCount } from "@/lib/format/intl";

/**
 * An outdoor workout's route as an SVG line (lib/metrics/route.ts): north up, start and finish marked. With a tile
 * server configured (MAP_TILE_URL) the map's tiles lie under it, in the same Web Mercator projection, with the
 * server's attribution; without one it is the plain trace and nothing is requested.
 */
export function RouteTraceChart({ trace, units, tiles }: { trace: RouteTrace; units: UnitsSetting; tiles: TileSource | null }) {
  const label = `Route map: ${formatDistance(trace.spanMeters.eastWest, units)} east to west, ${formatDistance(trace.spanMeters.northSouth, units)} north to south`;
  const layer = coveringTiles(trace.frame, tiles);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${trace.width} ${trace.height}`}
        role="img"
        aria-label={label}
        className="mx-auto block h-auto max-h-80 w-full max-w-md rounded-lg bg-surface-2"
        data-testid="route-trace"
      >
        {layer && (
          <g data-testid="route-tiles" data-zoom={layer.zoom}>
            {layer.tiles.map((t) => (
              <image key={`${t.x},${t.y}`} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} preserveAspectRatio="none" />
            ))}
          </g>
        )}
        {/* over a map, a halo keeps the line readable on any tile */}
        {layer && <path d={trace.path} fill="none" stroke="var(--surface)" strokeWidth={6} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />}
        <path d={trace.path} fill="none" stroke="var(--accent)" strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" data-testid="route-line" />
        <circle cx={trace.start.x} cy={trace.start.y} r={5} fill="var(--ok)" stroke="var(--surface)" strokeWidth={2} />
        <circle cx={trace.finish.x} cy={trace.finish.y} r={5} fill="var(--text)" stroke="var(--surface)" strokeWidth={2} />
      </svg>
      <figcaption className="flex flex-wrap justify-center gap-x-4 text-xs text-muted">
        <span>
          <span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-ok" />
          Start
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-text" />
          Finish
        </span>
        <span>North is up · {formatCount(trace.points)} GPS points</span>
        {layer && tiles && (
          <span className="basis-full text-center" data-testid="route-attribution">
            Map: {tiles.attribution}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
