import type { ChannelName } from "@/lib/domain/series";
import { formatClock, formatPercent, formatValue, type ValueFormat } from "@/lib/metrics/chart-format";
import type { ChartChannel, WorkoutChartData } from "@/lib/metrics/workout-chart-types";
import { LazyDetails } from "@/components/ui/lazy-details";

/**
 * The charts' text alternative: a collapsed "Show data as table" with per-segment averages and compliance, every
 * target step with the average held and the time in range, and the time in each power / heart-rate zone.
 * The body is rendered only once opened (`LazyDetails`): collapsed, it stays out of the page's HTML.
 */
const cell = "py-1 pr-3 text-right tabular-nums whitespace-nowrap";
const head = "py-1 pr-3 text-right font-medium whitespace-nowrap";
const rowHead = "py-1 pr-3 text-left font-medium whitespace-nowrap";

function formatOf(channel: ChartChannel): ValueFormat {
  return { unit: channel.unit, decimals: channel.decimals, pace: channel.pace };
}

export function ChartTable({ data }: { data: WorkoutChartData }) {
  const empty = !data.segments.length && !data.panels.some((p) => p.bands.length > 0) && !data.power && !data.heartRate;
  if (empty) return null;
  return (
    <LazyDetails className="group rounded-lg border border-border text-sm" summaryClassName="cursor-pointer select-none px-3 py-2 font-medium" summary="Show data as table">
      <ChartTableBody data={data} />
    </LazyDetails>
  );
}

/** The tables themselves (rendered once "Show data as table" is opened). */
export function ChartTableBody({ data }: { data: WorkoutChartData }) {
  const byKey = new Map<ChannelName, ChartChannel>(data.channels.map((c) => [c.key, c]));
  const columns = data.channels.filter((c) => c.key !== "distance" && data.segments.some((s) => s.averages.some((a) => a.channel === c.key)));
  const banded = data.panels.filter((p) => p.bands.length > 0);
  return (
    <div className="space-y-5 overflow-x-auto px-3 pb-3">
      {data.segments.length > 0 && (
        <table className="w-full">
          <caption className="py-1 text-left text-xs font-semibold uppercase tracking-wide text-muted">Segments: averages and time in target range</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className={rowHead}>Segment</th>
              <th scope="col" className={head}>Time</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={head}>
                  {c.label} ({c.unit})
                </th>
              ))}
              {data.compliance.map((m) => (
                <th key={m.metric} scope="col" className={head}>
                  {m.label} in range
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.segments.map((s, i) => (
              <tr key={`${s.start}-${i}`} className="border-t border-border">
                <th scope="row" className={rowHead}>{s.name}</th>
                <td className={cell}>
                  {formatClock(s.start)}–{formatClock(s.end)}
                </td>
                {columns.map((c) => (
                  <td key={c.key} className={cell}>
                    {formatValue(s.averages.find((a) => a.channel === c.key)?.value ?? null, formatOf(c), false)}
                  </td>
                ))}
                {data.compliance.map((m) => (
                  <td key={m.metric} className={cell}>
                    {formatPercent(s.compliance.find((c) => c.metric === m.metric)?.inPct ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {banded.map((panel) => {
        const channel = byKey.get(panel.channel);
        const format = channel ? formatOf(channel) : { unit: panel.unit, decimals: 0, pace: panel.reversed };
        return (
          <table key={panel.id} className="w-full">
            <caption className="py-1 text-left text-xs font-semibold uppercase tracking-wide text-muted">{panel.title} targets</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className={rowHead}>Time</th>
                <th scope="col" className={rowHead}>Target</th>
                <th scope="col" className={head}>Average</th>
                <th scope="col" className={head}>In range</th>
              </tr>
            </thead>
            <tbody>
              {panel.bands.map((b) => (
                <tr key={b.start} className="border-t border-border">
                  <th scope="row" className={`${rowHead} tabular-nums`}>
                    {formatClock(b.start)}–{formatClock(b.end)}
                  </th>
                  <td className="py-1 pr-3">{b.label}</td>
                  <td className={cell}>{formatValue(b.avg, format)}</td>
                  <td className={cell}>
                    {formatClock(b.inSeconds)} / {formatClock(b.dataSeconds)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}

      {data.power && (
        <ZoneTable
          caption={`Time in power zones (FTP ${data.power.ftp} W)`}
          rows={data.power.zones.map((z) => ({
            key: String(z.zone),
            zone: `Z${z.zone} ${z.name}`,
            range: z.upper === null ? `${z.lower}+ W` : `${z.lower}–${z.upper} W`,
            seconds: z.seconds,
          }))}
        />
      )}
      {data.heartRate && (
        <ZoneTable
          caption={`Time in heart-rate zones (${data.heartRate.method === "lthr" ? "LTHR" : "max HR"} ${data.heartRate.basis} bpm)`}
          rows={data.heartRate.zones.map((z) => ({ key: z.id, zone: `Z${z.id} ${z.name}`, range: z.range, seconds: z.seconds }))}
        />
      )}
    </div>
  );
}

function ZoneTable({ caption, rows }: { caption: string; rows: { key: string; zone: string; range: string; seconds: number }[] }) {
  return (
    <table className="w-full">
      <caption className="py-1 text-left text-xs font-semibold uppercase tracking-wide text-muted">{caption}</caption>
      <thead className="text-xs text-muted">
        <tr>
          <th scope="col" className={rowHead}>Zone</th>
          <th scope="col" className={head}>Range</th>
          <th scope="col" className={head}>Time</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-border">
            <th scope="row" className={rowHead}>{r.zone}</th>
            <td className={cell}>{r.range}</td>
            <td className={cell}>{formatClock(r.seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
