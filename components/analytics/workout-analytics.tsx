import Link from "@/components/ui/link";
import type { ClassAttempt, FtpTestRide, WorkoutInsights } from "@/lib/domain/analytics";
import { SCORE_METHOD_LABEL } from "@/lib/domain/analytics";
import { formatDuration, formatNumber } from "@/lib/format/display";
import { scoreBasis } from "@/lib/format/score";
import { formatDay, heartRateZoneBars, powerZoneBars } from "@/lib/metrics/analytics-chart";
import type { HeartRateZoneInfo, PowerZoneInfo } from "@/lib/metrics/workout-chart-types";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { LazyTimeInZoneChart } from "./lazy-charts";
import { SetFtpButton } from "./set-ftp-button";

/** The workout page's analytics: its score and how it was computed, per-workout figures, time in zone, attempts. */
export interface WorkoutAnalyticsProps extends WorkoutInsights {
  discipline: string;
  power: PowerZoneInfo | null;
  heartRate: HeartRateZoneInfo | null;
}

export function WorkoutAnalytics(p: WorkoutAnalyticsProps) {
  return (
    <>
      {p.ftpTest && <FtpTestCard test={p.ftpTest} />}
      <Card title="Training stress">
        <ScoreAndFigures {...p} />
      </Card>
      {(p.power || p.heartRate) && (
        <Card title="Time in zone">
          <div className="grid grid-cols-1 gap-6 md:grid-cols-2" data-testid="time-in-zone">
            {p.power && <ZoneChart title={`Power zones (FTP ${p.power.ftp} W)`} bars={powerZoneBars(p.power.zones)} />}
            {p.heartRate && (
              <ZoneChart title={p.heartRate.method === "lthr" ? `Heart-rate zones (LTHR ${p.heartRate.basis} bpm)` : `Heart-rate zones (max ${p.heartRate.basis} bpm)`} bars={heartRateZoneBars(p.heartRate.zones)} />
            )}
          </div>
        </Card>
      )}
      {p.attempts.length > 1 && (
        <Card title={`This class, ${p.attempts.length} times`}>
          <Attempts attempts={p.attempts} />
        </Card>
      )}
    </>
  );
}

function ScoreAndFigures({ discipline, score, rescoring, analysis, units }: WorkoutAnalyticsProps) {
  const a = analysis;
  const figures: { label: string; value: string; unit?: string; hint: string }[] = [];
  if (a.variabilityIndex !== null) figures.push({ label: "Variability index", value: a.variabilityIndex.toFixed(2), hint: "NP ÷ average power" });
  if (a.efficiencyFactor) figures.push({ label: "Efficiency factor", value: a.efficiencyFactor.value.toFixed(2), hint: a.efficiencyFactor.basis === "power" ? "NP ÷ average heart rate" : "graded m/min ÷ average heart rate" });
  if (a.aerobicDecoupling !== null) figures.push({ label: "Aerobic decoupling", value: a.aerobicDecoupling.toFixed(1), unit: "%", hint: "first half vs second half; under 5 % is steady" });
  if (a.workAboveFtpKj !== null) figures.push({ label: "Work above FTP", value: formatNumber(a.workAboveFtpKj, 1), unit: "kJ", hint: `${formatDuration(a.secondsAboveFtp ?? 0)} above FTP` });
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="workout-score">
        <Stat label={SCORE_METHOD_LABEL[score.method]} value={formatNumber(score.tss)} hint={scoreBasis(score, units, discipline)} />
        {score.intensity !== null && <Stat label="Intensity" value={score.intensity.toFixed(2)} hint="against that threshold" />}
        {figures.map((f) => (
          <Stat key={f.label} label={f.label} value={f.value} unit={f.unit} hint={f.hint} />
        ))}
      </dl>
      {score.method === "estimate" && <p className="text-xs text-muted">Nothing in this workout measures effort against a threshold, so its score is an estimate by discipline. A heart-rate strap makes it a measured score.</p>}
      {rescoring && <p className="text-xs text-muted">Your thresholds changed: the calendar and fitness chart catch up with this score while your workouts are rescored.</p>}
    </div>
  );
}

function ZoneChart({ title, bars }: { title: string; bars: ReturnType<typeof powerZoneBars> }) {
  return (
    <figure className="m-0 min-w-0 space-y-2">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div style={{ height: 28 * bars.length + 28 }}>
        <LazyTimeInZoneChart zones={bars} title={title} />
      </div>
      {/* sr-only on a wrapper, not on the table: a table grows to its content whatever its width, and with nowrap this
          one stuck out past a 360 px screen */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">
                  {b.label} {b.range}
                </th>
                <td>{formatDuration(b.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function FtpTestCard({ test }: { test: FtpTestRide & { currentFtp: number | null } }) {
  return (
    <Card title="FTP test result">
      <div className="space-y-3" data-testid="ftp-test-result">
        <p className="text-sm">
          Your best 20 minutes here imply an FTP of <span className="text-lg font-bold tabular-nums">{test.result} W</span> (95 % of 20-minute power, as Peloton&apos;s test computes it).
          {!test.applied && test.currentFtp !== null && ` Your scores use ${Math.round(test.currentFtp)} W for this day.`}
        </p>
        {test.applied ? <p className="text-sm text-ok">This result is in your FTP history.</p> : <SetFtpButton workoutId={test.workoutId} watts={test.result} />}
      </div>
    </Card>
  );
}

function Attempts({ attempts }: { attempts: ClassAttempt[] }) {
  const first = attempts[0];
  const delta = (v: number | null, base: number | null, d = 0) => (v === null || base === null || base === 0 ? "" : ` (${v >= base ? "+" : "−"}${formatNumber(Math.abs(v - base), d)})`);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="class-attempts">
        <caption className="sr-only">Every time you took this class, oldest first, with the change from the first attempt</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left font-medium">Date</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Output</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">NP</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Avg HR</th>
            <th scope="col" className="py-1 text-right font-medium">In target</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {attempts.map((a) => (
            <tr key={a.workoutId} className={`border-t border-border ${a.current ? "font-semibold" : ""}`} aria-current={a.current ? "true" : undefined}>
              <th scope="row" className="whitespace-nowrap py-1.5 pr-3 text-left font-normal">
                {a.current ? (
                  <span>{formatDay(a.day)} (this one)</span>
                ) : (
                  <Link href={`/workouts/${a.workoutId}`} className="underline decoration-border underline-offset-2 hover:decoration-current">
                    {formatDay(a.day)}
                  </Link>
                )}
              </th>
              <td className="whitespace-nowrap py-1.5 pr-3 text-right">{a.outputKj === null ? "—" : `${formatNumber(a.outputKj)} kJ${a === first ? "" : delta(a.outputKj, first?.outputKj ?? null)}`}</td>
              <td className="whitespace-nowrap py-1.5 pr-3 text-right">{a.normalizedPower === null ? "—" : `${formatNumber(a.normalizedPower)} W${a === first ? "" : delta(a.normalizedPower, first?.normalizedPower ?? null)}`}</td>
              <td className="whitespace-nowrap py-1.5 pr-3 text-right">{a.avgHeartRate === null ? "—" : `${formatNumber(a.avgHeartRate)} bpm`}</td>
              <td className="whitespace-nowrap py-1.5 text-right">{a.compliance === null ? "—" : `${formatNumber(a.compliance)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
