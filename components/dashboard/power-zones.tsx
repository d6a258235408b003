import type { PowerZone } from "@/lib/metrics/zones";
import { TableHead } from "@/components/ui/table-head";

const ZONE_COLOURS = ["var(--z1)", "var(--z2)", "var(--z3)", "var(--z4)", "var(--z5)", "var(--z6)", "var(--z7)"];

/** Power zones as a table (readable by screen readers) with a colour bar per zone. */
export function PowerZonesTable({ zones, ftp }: { zones: PowerZone[]; ftp: number }) {
  // On the narrowest phones the four columns scroll inside the card rather than widen the page.
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="power-zones">
        <caption className="sr-only">Power zones for an FTP of {ftp} watts</caption>
        <TableHead columns={["Zone", "Name", { label: "% FTP", numeric: true }, { label: "Watts", numeric: true }]} cellClassName="py-1 font-medium" gapClassName="pr-2" />
        <tbody>
          {zones.map((z) => (
            <tr key={z.zone} className="border-t border-border">
              <td className="py-1.5 pr-2">
                <span className="inline-flex items-center gap-2 font-semibold">
                  <span aria-hidden className="inline-block h-3 w-6 rounded-sm" style={{ background: ZONE_COLOURS[z.zone - 1] }} />Z{z.zone}
                </span>
              </td>
              <td className="py-1.5 pr-2">{z.name}</td>
              <td className="whitespace-nowrap py-1.5 pr-2 text-right tabular-nums text-muted">
                {z.maxPct === null ? `> ${Math.round((z.minPct - 0.01) * 100)}%` : z.zone === 1 ? `≤ ${Math.round(z.maxPct * 100)}%` : `${Math.round(z.minPct * 100)}–${Math.round(z.maxPct * 100)}%`}
              </td>
              <td className="whitespace-nowrap py-1.5 text-right tabular-nums">{z.maxWatts === null ? `${z.minWatts}+ W` : `${z.minWatts}–${z.maxWatts} W`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
