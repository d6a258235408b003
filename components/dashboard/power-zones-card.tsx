import type { CurrentFtp } from "@/lib/domain/dashboard";
import { powerZones } from "@/lib/metrics/zones";
import { Card } from "@/components/ui/card";
import { PowerZonesTable } from "./power-zones";

/** The zones of the FTP in force, with where that FTP came from (and the other source's value when it differs). */
export function PowerZonesCard({ ftp }: { ftp: CurrentFtp | null }) {
  return (
    <Card
      title="Power zones"
      action={
        ftp ? (
          <span className="text-xs text-muted" data-testid="ftp-source">
            FTP {ftp.watts} W · {ftp.source}
          </span>
        ) : undefined
      }
    >
      {ftp ? (
        <div className="space-y-3">
          <PowerZonesTable zones={powerZones(ftp.watts)} ftp={ftp.watts} />
          {ftp.other && ftp.other.watts !== ftp.watts && (
            <p className="text-xs text-muted">
              {ftp.other.source}: {ftp.other.watts} W.
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-muted">No FTP yet. Take a Peloton FTP test or set your threshold power in TrainingPeaks, and your zones appear here.</p>
      )}
    </Card>
  );
}
