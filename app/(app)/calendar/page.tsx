import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { isDay } from "@/lib/metrics/calendar";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getCalendar } from "@/server/queries/calendar";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { trainingPeaksAccess } from "@/lib/domain/trainingpeaks";
import { CalendarView } from "@/components/analytics/calendar-view";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Calendar" };

type Search = Promise<{ view?: string; date?: string }>;

export default async function CalendarPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  const params = await searchParams;
  const mode = params.view === "week" ? "week" : "month";
  const badDate = params.date !== undefined && !isDay(params.date);
  const [view, settings, connection] = await Promise.all([getCalendar(user.id, mode, badDate ? null : (params.date ?? null)), getAnalyticsSettings(user.id), getTrainingPeaksConnection(user.id)]);
  const access = trainingPeaksAccess(connection);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Calendar</h1>
        <p className="text-sm text-muted">Every workout with its score, your TrainingPeaks plan beside what you did, and your totals ({settings.timeZone}).</p>
      </header>
      {badDate && <Alert tone="warn">That date is not a day as YYYY-MM-DD, so today is shown.</Alert>}
      <Card>
        <CalendarView view={view} units={settings.units} plansUnavailable={access.live ? null : access.reason} />
      </Card>
    </div>
  );
}
