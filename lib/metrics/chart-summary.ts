import { formatClock, formatValue, type ValueFormat } from "./chart-format";
import type { ChannelStats, ComplianceTally, ZoneBand } from "./workout-chart-types";

/**
 * One-paragraph text alternative for a chart (pure): average and peak, time in target range and the zone with the
 * most time. Used as the chart region's accessible description.
 */
export function describePanel(input: {
  title: string;
  format: ValueFormat;
  stats: ChannelStats;
  compliance: ComplianceTally | null;
  zones: readonly ZoneBand[];
}): string {
  const { title, format, stats, compliance, zones } = input;
  if (stats.avg === null) return `${title}: no readings.`;
  const peak = format.pace ? `fastest ${formatValue(stats.min, format)}` : `max ${formatValue(stats.max, format)}`;
  const parts = [`${title}: average ${formatValue(stats.avg, format)}, ${peak}.`];
  if (compliance && compliance.inPct !== null) {
    const off: string[] = [];
    const [under, over] = format.pace ? ["slower", "faster"] : ["below", "above"];
    if (compliance.underSeconds > 0) off.push(`${formatClock(compliance.underSeconds)} ${under}`);
    if (compliance.overSeconds > 0) off.push(`${formatClock(compliance.overSeconds)} ${over}`);
    parts.push(
      `In the target range ${formatClock(compliance.inSeconds)} of ${formatClock(compliance.dataSeconds)} (${Math.round(compliance.inPct)}%)` +
        (off.length ? `; ${off.join(", ")}.` : "."),
    );
  }
  const busiest = zones.reduce<ZoneBand | null>((best, z) => (z.seconds > (best?.seconds ?? 0) ? z : best), null);
  if (busiest) parts.push(`Most time in zone ${busiest.id} ${busiest.name} (${formatClock(busiest.seconds)}).`);
  if (stats.missingSeconds > 0) parts.push(`No reading for ${formatClock(stats.missingSeconds)}.`);
  return parts.join(" ");
}
