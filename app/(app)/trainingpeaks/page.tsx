import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { hasFileWriteScope } from "@/server/providers/trainingpeaks/api/upload";
import { getAutoSend } from "@/server/push/auto-send";
import { getTrainingPeaksSummary } from "@/server/accounts/trainingpeaks";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { trainingPeaksAccess } from "@/lib/domain/trainingpeaks";
import { getDisplaySettings } from "@/server/queries/display-settings";
import { localDay } from "@/lib/time/time-zone";
import { ActivitiesPanel } from "@/components/trainingpeaks/activities-panel";
import { TrainingPeaksAccessNotice } from "@/components/layout/trainingpeaks-access-notice";
import { AutoSendToggle } from "@/components/trainingpeaks/auto-send-toggle";
import { ComparePanel } from "@/components/trainingpeaks/compare-panel";
import { TrainingPeaksProfile } from "@/components/trainingpeaks/profile-card";
import { Card } from "@/components/ui/card";
import { formatMoment } from "@/lib/format/date";

export const metadata: Metadata = { title: "TrainingPeaks" };

export default async function TrainingPeaksPage() {
  const user = await requireUser();
  const [summary, autoSend, connection, display] = await Promise.all([
    getTrainingPeaksSummary(user.id),
    getAutoSend(user.id),
    getTrainingPeaksConnection(user.id),
    getDisplaySettings(user.id),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">TrainingPeaks</h1>
      <TrainingPeaksProfile summary={summary} units={display.units} bannerShown={!trainingPeaksAccess(connection).live} />
      <Card title="Send rides to TrainingPeaks">
        <div className="space-y-4">
          <TrainingPeaksAccessNotice connection={connection} />
          <AutoSendToggle
            initial={autoSend}
            canUpload={hasFileWriteScope(connection.scope)}
            timeZone={display.timeZone}
            initialSince={autoSend.since ? formatMoment(autoSend.since, display.timeZone) : undefined}
          />
        </div>
      </Card>
      <Card title="Compare a FIT file">
        <ComparePanel />
      </Card>
      <Card title="Activities">
        <ActivitiesPanel today={localDay(new Date(), display.timeZone)} units={display.units} />
      </Card>
    </div>
  );
}
