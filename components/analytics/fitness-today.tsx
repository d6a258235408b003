import Link from "@/components/ui/link";
import type { FitnessToday as Today } from "@/lib/domain/analytics";
import { formLabel } from "@/lib/metrics/pmc";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { formatNumber } from "@/lib/format/display";
import { Arrow } from "@/components/ui/arrow";

/** A whole number with its sign, rounded first: −0.3 reads "0", not "−0", and 0.4 not "+0". */
export function signedWhole(v: number): string {
  const r = Math.round(v) || 0;
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${Math.abs(r)}`;
}

/** "3,000 workouts are" / "1 workout is" still being scored. */
export function pendingScoresText(pending: number): string {
  return `${formatNumber(pending)} ${pending === 1 ? "workout is" : "workouts are"} still being scored. `;
}

/** Today's fitness, fatigue and form (the dashboard and the fitness page). */
export function FitnessTodayStats({ today }: { today: Today }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="fitness-today">
      <Stat label="Fitness (CTL)" value={today.ctl.toFixed(0)} hint="42-day training load" />
      <Stat label="Fatigue (ATL)" value={today.atl.toFixed(0)} hint="7-day training load" />
      <Stat label="Form (TSB)" value={signedWhole(today.tsb)} hint={formLabel(today.tsb)} />
      <Stat label="Ramp" value={signedWhole(today.ramp)} unit="/ week" hint="fitness change over 7 days" />
    </dl>
  );
}

/** The dashboard's "Fitness today" card. */
export function FitnessTodayCard({ today }: { today: Today | null }) {
  return (
    <Card title="Fitness today" action={<Link href="/fitness" className="text-xs text-muted hover:underline">Fitness chart <Arrow dir="right" /></Link>}>
      <FitnessTodayBody today={today} />
    </Card>
  );
}

function FitnessTodayBody({ today }: { today: Today | null }) {
  if (!today) {
    return <p className="text-sm text-muted">Your fitness, fatigue and form appear here once your workouts are synced and scored.</p>;
  }
  return (
    <div className="space-y-3">
      <FitnessTodayStats today={today} />
      <p className="text-xs text-muted">
        {today.pending > 0 ? pendingScoresText(today.pending) : ""}
        <Link href="/fitness" className="underline">
          See the performance management chart
        </Link>
      </p>
    </div>
  );
}
