import type { WeekVolume } from "@/lib/domain/dashboard";
import { formatAxisNumber, formatDayTick } from "@/lib/metrics/chart-format";
import { WEEKLY_UNIT, weeklyBars, type WeeklyMetric } from "@/lib/metrics/weekly-volume";

export type { WeeklyMetric };

const NAME: Record<WeeklyMetric, string> = { hours: "time", outputKj: "output", tss: "TSS" };
const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/**
 * Weekly volume as plain bars (no chart library: Recharts cost the dashboard a 250 ms task at 4× when the chart mounts
 * inside the first screen of a phone). The data is shaped by the server (server/queries/dashboard.ts); the geometry is
 * `weeklyBars`. Each bar names its week and value (tooltip); "Show as table" below is the text alternative.
 */
export function WeeklyChart({ weeks, metric }: { weeks: WeekVolume[]; metric: WeeklyMetric }) {
  const g = weeklyBars(weeks, metric);
  const unit = WEEKLY_UNIT[metric];
  const first = weeks[0];
  const last = g.bars.at(-1);
  const label = first && last ? `Weekly ${NAME[metric]} for ${weeks.length} weeks from ${formatDayTick(first.week)}: ${last.value} ${unit} in the week of ${formatDayTick(last.week)}` : `Weekly ${NAME[metric]}`;
  return (
    <figure className="relative h-full text-[11px] text-muted" data-chart="weekly" role="img" aria-label={label}>
      <span className="absolute left-0 top-0 w-9 text-right">{unit}</span>
      <div className="absolute bottom-[22px] left-10 right-1 top-6">
        {g.ticks.map((t) => (
          <div key={t.value} className="absolute inset-x-0 border-t border-border" style={{ top: pct(t.y) }}>
            <span className="absolute right-full -translate-y-1/2 pr-1.5 tabular-nums">{formatAxisNumber(t.value)}</span>
          </div>
        ))}
        <div className="absolute inset-0 flex items-end">
          {g.bars.map((b, i) => (
            <div key={b.week} className="relative flex h-full flex-1 items-end justify-center hover:bg-surface-2" title={`Week of ${formatDayTick(b.week)}: ${b.value} ${unit}`} data-bar>
              <div className="relative w-[70%] rounded-t bg-accent" style={{ height: pct(b.height) }} />
              {/* a phone shows every other week's label (the last one always): twelve overlap across 300 px */}
              <span className={`absolute top-full whitespace-nowrap pt-1 ${(g.bars.length - 1 - i) % 2 ? "max-sm:hidden" : ""}`}>{formatDayTick(b.week)}</span>
            </div>
          ))}
        </div>
      </div>
    </figure>
  );
}
