import Link from "@/components/ui/link";
import { SCORE_METHOD_LABEL, SCORE_METHOD_TAG } from "@/lib/domain/analytics";
import type { CalendarTotals, CalendarWorkout, PlannedWorkout } from "@/lib/domain/calendar";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { disciplineLabel } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";
import { formatHours } from "@/lib/format/score";
import { formatCount } from "@/lib/format/intl";

/** The calendar's building blocks: a workout, a TrainingPeaks plan (with what was done against it), and totals. */

const DISCIPLINE_TONE: Record<string, number> = { cycling: 2, bike_bootcamp: 2, running: 5, walking: 3, caesar: 7, caesar_bootcamp: 7, strength: 6, yoga: 4, stretching: 4, meditation: 1 };

export function WorkoutChip({ w, wrap = false }: { w: CalendarWorkout; wrap?: boolean }) {
  const tag = w.scoreMethod ? SCORE_METHOD_TAG[w.scoreMethod] : "";
  const text = wrap ? "" : "truncate";
  return (
    <Link
      href={`/workouts/${w.id}`}
      className="block rounded-md border border-border bg-surface px-1.5 py-1 text-xs leading-tight hover:border-muted focus-visible:border-muted"
      title={`${w.title}${w.scoreMethod ? ` · ${SCORE_METHOD_LABEL[w.scoreMethod]}` : ""}`}
    >
      <span className="flex items-start gap-1">
        <span aria-hidden className="mt-1 inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: `var(--z${DISCIPLINE_TONE[w.discipline] ?? 1})` }} />
        <span className={`${text} font-medium`}>{w.title}</span>
      </span>
      <span className={`mt-0.5 block ${text} text-muted`}>
        <span className="sr-only">{disciplineLabel(w.discipline)}, </span>
        {w.durationSeconds ? formatHours(w.durationSeconds) : "—"}
        {w.score !== null && (
          <>
            {" · "}
            <span className="font-semibold text-text tabular-nums">{Math.round(w.score)}</span> TSS{tag ? ` ${tag}` : ""}
          </>
        )}
      </span>
    </Link>
  );
}

export function PlanChip({ plan, actual, past, wrap = false }: { plan: PlannedWorkout; actual: CalendarWorkout | null; past: boolean; wrap?: boolean }) {
  const planned = [plan.plannedSeconds ? formatHours(plan.plannedSeconds) : null, plan.plannedTss !== null ? `${Math.round(plan.plannedTss)} TSS` : null].filter(Boolean).join(" · ");
  const done = actual ? [actual.durationSeconds ? formatHours(actual.durationSeconds) : null, actual.score !== null ? `${Math.round(actual.score)} TSS` : null].filter(Boolean).join(" · ") : null;
  const text = wrap ? "" : "truncate";
  return (
    <div className="rounded-md border border-dashed border-muted/60 px-1.5 py-1 text-xs leading-tight" data-testid="planned-workout">
      <span className={`block ${text}`}>
        <span className="font-semibold">Plan</span>{" "}
        {plan.url ? (
          <a href={plan.url} target="_blank" rel="noreferrer" className="underline">
            {plan.title}
            <span className="sr-only"> (opens TrainingPeaks)</span>
          </a>
        ) : (
          plan.title
        )}
      </span>
      <span className={`block ${text} text-muted`}>
        {plan.type}
        {planned ? ` · ${planned}` : ""}
      </span>
      <span className={`block ${text} ${done ? "text-ok" : "text-muted"}`}>{done ? `Done: ${done}` : past ? "Not done" : "Planned"}</span>
    </div>
  );
}

export function TotalsLine({ label, totals, units, testId }: { label: string; totals: CalendarTotals; units: UnitsSetting; testId?: string }) {
  return (
    <p className="text-xs text-muted" data-testid={testId}>
      <span className="font-semibold text-text">{label}:</span> {totals.workouts} workout{totals.workouts === 1 ? "" : "s"} · {formatHours(totals.seconds)}
      {totals.distanceMeters > 0 ? ` · ${formatDistance(totals.distanceMeters, units)}` : ""}
      {totals.workKj > 0 ? ` · ${formatCount(Math.round(totals.workKj))} kJ` : ""} · {formatCount(Math.round(totals.score))} TSS
    </p>
  );
}
