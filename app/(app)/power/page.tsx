import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/server/auth/session";
import { paceUnit } from "@/lib/metrics/analytics-chart";
import { parseCompare, parseRange } from "@/lib/metrics/ranges";
import { localDay } from "@/lib/time/time-zone";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { getAnalyticsProgress } from "@/server/queries/analytics-job";
import { getCurve, type CurveSport } from "@/server/queries/curves";
import { getFtpHistory } from "@/server/queries/ftp-history";
import { BestEfforts } from "@/components/analytics/best-efforts";
import { CompareForm, CurvePanel } from "@/components/analytics/curve-panel";
import { FtpHistory, FtpSummary } from "@/components/analytics/ftp-history";
import { RangePicker } from "@/components/analytics/range-picker";
import { RescoreProgress } from "@/components/analytics/rescore-progress";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format/intl";

export const metadata: Metadata = { title: "Power curve" };

type Search = Promise<{ sport?: string; range?: string; from?: string; to?: string; compare?: string; cfrom?: string; cto?: string }>;

const SPORTS: { key: CurveSport; label: string; title: string }[] = [
  { key: "ride", label: "Rides", title: "Power curve" },
  { key: "run", label: "Runs", title: "Pace curve: runs and walks" },
  { key: "row", label: "Rows", title: "Pace curve: rows" },
];

export default async function PowerPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  const params = await searchParams;
  const sport = SPORTS.find((s) => s.key === params.sport) ?? SPORTS[0]!;
  const settings = await getAnalyticsSettings(user.id);
  const today = localDay(new Date(), settings.timeZone);
  const { range, problem } = parseRange(params, today, "1y");
  const [current, history, progress] = await Promise.all([getCurve(user.id, sport.key, range), getFtpHistory(user.id), getAnalyticsProgress(user.id)]);
  const firstDay = history.entries[0]?.day ?? null;
  const compare = parseCompare(params, range, today, firstDay);
  const compared = compare.range ? await getCurve(user.id, sport.key, compare.range) : null;
  // A comparison with nothing in it (the period before the first ride) is no comparison.
  const other = compared && compared.points.length > 0 ? compared : null;
  const keep: Record<string, string> = { sport: sport.key, range: range.key, ...(range.key === "custom" ? { from: range.from ?? "", to: range.to } : {}) };
  const unit = sport.key === "ride" ? "W" : paceUnit(sport.key, settings.units);
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold">{sport.title}</h1>
        <nav aria-label="Sport" className="flex gap-1 rounded-lg bg-surface-2 p-1 text-sm sm:w-fit">
          {SPORTS.map((s) => (
            <Link
              key={s.key}
              href={`/power?${new URLSearchParams({ sport: s.key })}`}
              aria-current={s.key === sport.key ? "page" : undefined}
              className={`flex-1 rounded-md px-3 py-1.5 text-center font-semibold ${s.key === sport.key ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text"}`}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      </header>
      <RescoreProgress initial={progress} unscored={0} />
      <Card title={sport.key === "ride" ? "Best power for every duration" : "Best pace for every duration"}>
        <div className="space-y-4">
          <RangePicker path="/power" range={range} keep={{ sport: sport.key }} />
          {problem && <Alert tone="warn">{problem}</Alert>}
          <CurvePanel sport={sport.key} units={settings.units} points={current.points} compare={other?.points ?? null} rangeLabel={range.label} compareLabel={compare.range?.label ?? null} />
          <CompareForm path="/power" keep={keep} compareKey={compare.key} compareRange={compare.range} />
          <p className="text-xs text-muted">
            {formatCount(current.workouts)} {sport.key === "ride" ? "rides with power" : "workouts with pace"} ({range.label.toLowerCase()})
            {compare.range && !other ? `; nothing to compare in ${compare.range.label}` : ""}. Each point is the best average over that many seconds; select a point to open the workout that set it.
          </p>
        </div>
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Best efforts" defer>
          <BestEfforts efforts={current.bestEfforts} compare={other?.points ?? null} sport={sport.key} units={settings.units} unit={unit} />
        </Card>
        {sport.key === "ride" && (
          <Card title="FTP" defer>
            <FtpSummary current={history.current} ftpSource={history.ftpSource} estimate={current.estimate} />
          </Card>
        )}
      </div>
      {sport.key === "ride" && (
        <Card title="FTP history" defer>
          <FtpHistory entries={history.entries} tests={history.tests} today={history.today} />
        </Card>
      )}
    </div>
  );
}
