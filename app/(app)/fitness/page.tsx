import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { parseRange } from "@/lib/metrics/ranges";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getAnalyticsProgress } from "@/server/queries/analytics-job";
import { getFitnessToday, getPmc } from "@/server/queries/fitness";
import { localDay } from "@/lib/time/time-zone";
import { FitnessTodayStats } from "@/components/analytics/fitness-today";
import { PmcPanel } from "@/components/analytics/pmc-panel";
import { RangePicker } from "@/components/analytics/range-picker";
import { RescoreProgress } from "@/components/analytics/rescore-progress";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Fitness" };

type Search = Promise<{ range?: string; from?: string; to?: string }>;

export default async function FitnessPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  const params = await searchParams;
  const settings = await getAnalyticsSettings(user.id);
  const { range, problem } = parseRange(params, localDay(new Date(), settings.timeZone), "180d");
  const [pmc, today, progress] = await Promise.all([getPmc(user.id, range), getFitnessToday(user.id), getAnalyticsProgress(user.id)]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Fitness</h1>
        <p className="text-sm text-muted">Fitness, fatigue and form from the score of every workout, day by day ({settings.timeZone}).</p>
      </header>
      <RescoreProgress initial={progress} unscored={pmc.unscored} />
      {today && (
        <Card title="Today">
          <FitnessTodayStats today={today} />
        </Card>
      )}
      <Card title="Performance management chart">
        <div className="space-y-4">
          <RangePicker path="/fitness" range={range} />
          {problem && <Alert tone="warn">{problem}</Alert>}
          {pmc.firstDay === null ? (
            <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted">No scored workouts yet. Sync your Peloton history and the chart fills in.</p>
          ) : (
            <PmcPanel days={pmc.days} />
          )}
        </div>
      </Card>
      <Card title="How these are computed" defer>
        <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
          <li>Daily load is the sum of the day&apos;s workout scores (TSS: 100 is one hour at threshold).</li>
          <li>Fitness (CTL) and fatigue (ATL) are 42-day and 7-day exponentially weighted averages of daily load: each day moves them 1/42 and 1/7 of the way to that day&apos;s load.</li>
          <li>Form (TSB) is yesterday&apos;s fitness minus yesterday&apos;s fatigue; ramp is the change in fitness over the last 7 days.</li>
        </ul>
      </Card>
    </div>
  );
}
