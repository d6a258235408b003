import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getAnalyticsSettings, getScoringContext } from "@/server/queries/analytics-settings";
import { getAnalyticsProgress } from "@/server/queries/analytics-job";
import { localDay } from "@/lib/time/time-zone";
import { RescoreProgress } from "@/components/analytics/rescore-progress";
import { SettingsForm } from "@/components/analytics/settings-form";
import { ThresholdHistory } from "@/components/analytics/threshold-history";
import { DeleteAccount } from "@/components/account/delete-account";
import { DownloadData } from "@/components/account/download-data";
import { Card } from "@/components/ui/card";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const [settings, scoring, progress] = await Promise.all([getAnalyticsSettings(user.id), getScoringContext(user.id), getAnalyticsProgress(user.id)]);
  const today = localDay(new Date(), settings.timeZone);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Settings</h1>
        <p className="text-sm text-muted">How AutoCoach shows your training, which thresholds score every workout, and your account and its data.</p>
      </header>
      <RescoreProgress initial={progress} unscored={0} />
      <Card title="Display and FTP source">
        <SettingsForm settings={settings} providerZone={settings.providerTimeZone} />
      </Card>
      <Card title="Thresholds over time" defer>
        <div className="space-y-4">
          <p className="text-sm text-muted">
            Every workout is scored with the thresholds in force on its day. Values from Peloton and TrainingPeaks are noted on the day they were seen; yours apply from the day you give until your next one.
            Adding or removing a value rescores the workouts it affects, in the background.
          </p>
          <ThresholdHistory entries={scoring.entries} units={settings.units} today={today} />
        </div>
      </Card>
      <Card title="Your data" defer>
        <DownloadData />
      </Card>
      <Card title="Delete my account" defer>
        <DeleteAccount />
      </Card>
      <Card title="Sessions" defer>
        <SignOutEverywhere />
      </Card>
    </div>
  );
}
