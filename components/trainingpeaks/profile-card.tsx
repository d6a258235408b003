import type { UnitsSetting } from "@/lib/domain/thresholds";
import type { TrainingPeaksSummaryResult } from "@/lib/domain/trainingpeaks";
import { weightIn } from "@/lib/format/quantity";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { SummaryError } from "./summary-error";
import { ThresholdsCard } from "./thresholds-card";

/** The athlete's TrainingPeaks profile and thresholds, or why they can't be shown. */
export function TrainingPeaksProfile({ summary, units, bannerShown }: { summary: TrainingPeaksSummaryResult; units: UnitsSetting; bannerShown: boolean }) {
  if ("error" in summary) return <SummaryError error={summary.error} bannerShown={bannerShown} />;
  const { athlete } = summary;
  const weight = athlete.weightKg ? weightIn(athlete.weightKg, units) : null;
  return (
    <>
      {summary.staleBecause && (
        <Alert tone="warn" title="Showing your last known profile">
          {summary.staleBecause.message}
        </Alert>
      )}
      <Card title="Profile">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Athlete" value={<span className="text-lg">{athlete.name}</span>} hint={athlete.email ?? undefined} />
          <Stat
            label="Account"
            value={<span className="text-lg">{athlete.isPremium ? "Premium" : "Basic"}</span>}
            hint={athlete.isPremium ? undefined : "TrainingPeaks hides power, HR and TSS for basic athletes"}
          />
          <Stat label="Time zone" value={<span className="text-lg">{athlete.timeZone ?? "—"}</span>} />
          <Stat label="Weight" value={weight ? weight.value.toFixed(1) : "—"} unit={weight?.unit} />
        </dl>
      </Card>
      <ThresholdsCard summary={summary} units={units} />
    </>
  );
}
