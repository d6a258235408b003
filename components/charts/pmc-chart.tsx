import { formatDay, type PmcRow } from "@/lib/metrics/analytics-chart";
import { PLOT, pmcGeometry } from "@/lib/metrics/pmc-geometry";
import { PmcHover, type PmcSeries } from "./pmc-hover";

/**
 * The performance management chart, drawn on the server as plain SVG (lib/metrics/pmc-geometry.ts): it sits at the
 * fold of a phone, where mounting a chart library cost the fitness page most of its 2 s of blocking time. Fitness
 * (CTL), fatigue (ATL) and form (TSB) share the left axis (TSS per day; form below zero means fatigue exceeds
 * fitness), daily load is a faint stepped area on the right axis. Hovering, touching or focusing the plot (arrow keys
 * move a day) shows the day's figures (PmcHover); the weekly table below is the text alternative.
 */
const SERIES: PmcSeries[] = [
  { key: "ctl", name: "Fitness (CTL)", color: "var(--z2)" },
  { key: "atl", name: "Fatigue (ATL)", color: "var(--z6)" },
  { key: "tsb", name: "Form (TSB)", color: "var(--z3)" },
  { key: "load", name: "Daily load", color: "var(--muted)" },
];

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

export function PmcChart({ rows }: { rows: PmcRow[] }) {
  const g = pmcGeometry(rows);
  const first = rows[0];
  const last = rows.at(-1);
  const label = first && last
    ? `Performance management chart, ${formatDay(first.day)} to ${formatDay(last.day)}: on the last day fitness ${last.ctl}, fatigue ${last.atl}, form ${last.tsb}`
    : "Performance management chart: no days";
  return (
    <figure className="flex h-full flex-col gap-2 text-[11px] text-muted" data-chart="pmc">
      <div className="relative min-h-0 flex-1">
        {/* the plot box: 40 px of left axis, 36 px of right axis, 22 px of day labels */}
        <div className="absolute inset-y-0 left-0 w-10">
          <span className="absolute left-0 top-1/2 -translate-x-[30%] -rotate-90 whitespace-nowrap">TSS/day</span>
        </div>
        <div className="absolute bottom-[22px] left-10 right-9 top-2">
          {g.left.map((t) => (
            <span key={`l${t.value}`} className="absolute right-full -translate-y-1/2 pr-1.5 tabular-nums" style={{ top: pct(t.y) }}>
              {t.value}
            </span>
          ))}
          {g.right.map((t) => (
            <span key={`r${t.value}`} className="absolute left-full -translate-y-1/2 pl-1.5 tabular-nums" style={{ top: pct(t.y) }}>
              {t.value}
            </span>
          ))}
          {g.bottom.map((t, i) => (
            // a phone shows every other month label: six fit across 300 px, twelve overlap
            <span key={t.day} className={`absolute top-full -translate-x-1/2 whitespace-nowrap pt-1 ${i % 2 && g.bottom.length > 4 ? "max-sm:hidden" : ""}`} style={{ left: pct(t.x) }}>
              {t.label}
            </span>
          ))}
          <svg viewBox={`0 0 ${PLOT} ${PLOT}`} preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible" aria-hidden>
            {g.left.map((t) => (
              <line key={t.value} x1={0} x2={PLOT} y1={t.y * PLOT} y2={t.y * PLOT} stroke="var(--border)" strokeDasharray="2 4" vectorEffect="non-scaling-stroke" />
            ))}
            <path d={g.paths.load} fill="var(--muted)" fillOpacity={0.2} stroke="var(--muted)" strokeOpacity={0.5} strokeWidth={1} vectorEffect="non-scaling-stroke" />
            {g.zeroY !== null && <line x1={0} x2={PLOT} y1={g.zeroY * PLOT} y2={g.zeroY * PLOT} stroke="var(--muted)" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />}
            <path d={g.paths.tsb} fill="none" stroke="var(--z3)" strokeWidth={1.25} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            <path d={g.paths.atl} fill="none" stroke="var(--z6)" strokeWidth={1.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            <path d={g.paths.ctl} fill="none" stroke="var(--z2)" strokeWidth={2.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
            <line x1={0} x2={PLOT} y1={PLOT} y2={PLOT} stroke="var(--border)" vectorEffect="non-scaling-stroke" />
          </svg>
          <PmcHover rows={rows} series={SERIES} label={label} />
        </div>
        <div className="absolute inset-y-0 right-0 w-9">
          <span className="absolute right-0 top-1/2 translate-x-[30%] rotate-90 whitespace-nowrap">Load</span>
        </div>
      </div>
      <figcaption className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-text">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-0.5 w-3.5 rounded" style={{ background: s.color, height: s.key === "load" ? 8 : 3, opacity: s.key === "load" ? 0.45 : 1 }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
