import type { Thresholds } from "@/lib/domain/trainingpeaks";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatPace } from "@/lib/format/quantity";
import { Stat } from "@/components/ui/stat";

export function ThresholdStats({ thresholds, units }: { thresholds: Thresholds; units: UnitsSetting }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="thresholds">
      <Stat label="FTP" value={<span data-testid="ftp">{thresholds.ftpWatts ?? "—"}</span>} unit={thresholds.ftpWatts ? "W" : undefined} hint="from TrainingPeaks" />
      <Stat label="Threshold HR" value={thresholds.thresholdHr ?? "—"} unit={thresholds.thresholdHr ? "bpm" : undefined} hint={thresholds.maxHr ? `max ${thresholds.maxHr} bpm` : undefined} />
      <Stat label="Threshold pace" value={formatPace(thresholds.runThresholdSpeed, units)} hint={thresholds.runThresholdSpeed ? `${thresholds.runThresholdSpeed.toFixed(2)} m/s` : undefined} />
      <Stat label="Resting HR" value={thresholds.restingHr ?? "—"} unit={thresholds.restingHr ? "bpm" : undefined} />
    </dl>
  );
}
