import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { hasFileWriteScope } from "@/server/providers/trainingpeaks/api/upload";
import { getAutoSend } from "@/server/push/auto-send";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { ActivitiesPanel } from "@/components/trainingpeaks/activities-panel";
import { AutoSendToggle } from "@/components/trainingpeaks/auto-send-toggle";
import { ComparePanel } from "@/components/trainingpeaks/compare-panel";
import { SummaryError } from "@/components/trainingpeaks/summary-error";
import { ThresholdStats } from "@/components/trainingpeaks/thresholds";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";

export const metadata: Metadata = { title: "TrainingPeaks" };

export default async function TrainingPeaksPage() {
  const user = await requireUser();
  const [summary, autoSend, connection] = await Promise.all([getTrainingPeaksSummary(user.id), getAutoSend(user.id), getTrainingPeaksConnection(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">TrainingPeaks</h1>
      {"error" in summary ? (
        <SummaryError error={summary.error} />
      ) : (
        <>
          {summary.staleBecause && <Alert tone="warn" title="Showing your last known profile">{summary.staleBecause.message}</Alert>}
          <Card title="Profile">
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat label="Athlete" value={<span className="text-lg">{summary.athlete.name}</span>} hint={summary.athlete.email ?? undefined} />
              <Stat label="Account" value={<span className="text-lg">{summary.athlete.isPremium ? "Premium" : "Basic"}</span>} hint={summary.athlete.isPremium ? undefined : "TrainingPeaks hides power, HR and TSS for basic athletes"} />
              <Stat label="Time zone" value={<span className="text-lg">{summary.athlete.timeZone ?? "—"}</span>} />
              <Stat label="Weight" value={summary.athlete.weightKg ? summary.athlete.weightKg.toFixed(1) : "—"} unit={summary.athlete.weightKg ? "kg" : undefined} />
            </dl>
          </Card>
          <Card title="Thresholds">
            <ThresholdStats thresholds={summary.thresholds} units={summary.athlete.preferredUnits} />
          </Card>
        </>
      )}
      <Card title="Send rides to TrainingPeaks">
        <AutoSendToggle initial={autoSend} canUpload={hasFileWriteScope(connection.scope)} />
      </Card>
      <Card title="Compare a FIT file">
        <ComparePanel />
      </Card>
      <Card title="Activities">
        <ActivitiesPanel today={new Date().toISOString().slice(0, 10)} />
      </Card>
    </div>
  );
}
