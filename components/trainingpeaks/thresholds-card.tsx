import type { TrainingPeaksSummaryResult } from "@/lib/domain/trainingpeaks";
import { Card } from "@/components/ui/card";
import { ThresholdStats } from "./thresholds";

/** Nothing when TrainingPeaks gave no summary: the page says why elsewhere. */
export function ThresholdsCard({ summary, title = "Thresholds" }: { summary: TrainingPeaksSummaryResult; title?: string }) {
  if ("error" in summary) return null;
  return (
    <Card title={title}>
      <ThresholdStats thresholds={summary.thresholds} units={summary.athlete.preferredUnits} />
    </Card>
  );
}
