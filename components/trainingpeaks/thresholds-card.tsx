import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { TrainingPeaksSummaryResult } from "@/lib/domain/trainingpeaks";
import { Card } from "@/components/ui/card";
import { ThresholdStats } from "./thresholds";

/** Nothing when TrainingPeaks gave no summary: the page says why elsewhere. Paces in the user's units (Settings). */
export function ThresholdsCard({ summary, units, title = "Thresholds" }: { summary: TrainingPeaksSummaryResult; units: UnitsSetting; title?: string }) {
  if ("error" in summary) return null;
  return (
    <Card title={title}>
      <ThresholdStats thresholds={summary.thresholds} units={units} />
    </Card>
  );
}
