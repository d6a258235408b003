import type { RouteTrace } from "@/lib/metrics/route";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatDistance } from "@/lib/format/quantity";

/** An outdoor workout's route as a plain SVG line (lib/metrics/route.ts): north up, start and finish marked, no map. */
export function RouteTraceChart({ trace, units }: { trace: RouteTrace; units: UnitsSetting }) {
  const label = `Route map: ${formatDistance(trace.spanMeters.eastWest, units)} east to west, ${formatDistance(trace.spanMeters.northSouth, units)} north to south`;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${trace.width} ${trace.height}`}
        role="img"
        aria-label={label}
        className="mx-auto block h-auto max-h-80 w-full max-w-md rounded-lg bg-surface-2"
        data-testid="route-trace"
      >
        <path d={trace.path} fill="none" stroke="var(--accent)" strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />
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
        <span>North is up · {trace.points.toLocaleString("en-US")} GPS points</span>
      </figcaption>
    </figure>
  );
}
