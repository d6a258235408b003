"use client";

import Link from "@/components/ui/link";
import { usePlannedWorkouts } from "@/hooks/use-planned-workouts";
import type { CalendarDay, CalendarView as View, CalendarWorkout, PlannedWorkout } from "@/lib/domain/calendar";
import type { UnitsSetting } from "@/lib/domain/thresholds";
import { formatDay } from "@/lib/metrics/analytics-chart";
import { calendarRange, matchPlans } from "@/lib/metrics/calendar";
import { PlanChip, TotalsLine, WorkoutChip } from "./calendar-items";
import { Arrow } from "@/components/ui/arrow";

/**
 * The month or week: each day's workouts (discipline, duration, score) and the TrainingPeaks plans of the day with
 * what was done against them, weekly totals under each week, the month's and the year's at the top. Below 640 px the
 * month becomes a list of the days that hold something, so nothing scrolls sideways.
 */
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * `plansUnavailable`: why TrainingPeaks plans cannot be shown, known when the page is rendered (TrainingPeaks not
 * connected), so the line is in the first paint instead of pushing the weeks down when a request fails.
 */
export function CalendarView({ view, units, plansUnavailable }: { view: View; units: UnitsSetting; plansUnavailable: string | null }) {
  const planned = usePlannedWorkouts(view.from, view.to, plansUnavailable === null);
  const plans = planned.data ?? [];
  const workouts = view.weeks.flatMap((w) => w.days.flatMap((d) => d.workouts));
  const pairs = matchPlans(plans, workouts);
  const byId = new Map(workouts.map((w) => [w.id, w]));
  const plansOn = (day: string) => plans.filter((p) => p.day === day);
  const { prev, next } = calendarRange(view.mode, view.anchor);
  const title = view.mode === "month" ? `${MONTHS[Number(view.anchor.slice(5, 7)) - 1]} ${view.anchor.slice(0, 4)}` : `Week of ${formatDay(view.anchor)}`;
  const link = (day: string, mode = view.mode) => `/calendar?${new URLSearchParams({ view: mode, date: day })}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold" data-testid="calendar-title">
          {title}
        </h2>
        <nav aria-label="Calendar" className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={link(prev)} className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-2">
            <Arrow dir="left" /> Previous<span className="sr-only"> {view.mode}</span>
          </Link>
          <Link href={link(view.today)} className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-2">
            Today
          </Link>
          <Link href={link(next)} className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-2">
            Next<span className="sr-only"> {view.mode}</span> <Arrow dir="right" />
          </Link>
          <span className="flex gap-1 rounded-lg bg-surface-2 p-1">
            {(["month", "week"] as const).map((m) => (
              <Link key={m} href={link(view.anchor, m)} aria-current={view.mode === m ? "page" : undefined} className={`rounded-md px-3 py-1 text-xs font-semibold ${view.mode === m ? "bg-surface shadow-sm" : "text-muted hover:text-text"}`}>
                {m === "month" ? "Month" : "Week"}
              </Link>
            ))}
          </span>
        </nav>
      </div>
      <div className="space-y-1 rounded-lg bg-surface-2 p-3" data-testid="calendar-totals">
        {view.mode === "month" ? (
          <TotalsLine label={MONTHS[Number(view.anchor.slice(5, 7)) - 1] ?? "Month"} totals={view.monthTotals} units={units} testId="month-totals" />
        ) : (
          <TotalsLine label="This week" totals={view.weeks[0]?.totals ?? view.monthTotals} units={units} testId="week-totals" />
        )}
        <TotalsLine label={`${view.year}`} totals={view.yearTotals} units={units} testId="year-totals" />
        {(plansUnavailable ?? planned.error) && <p className="text-xs text-muted">TrainingPeaks plans are not shown: {plansUnavailable ?? planned.error?.message}</p>}
      </div>
      <div className="space-y-3" data-testid="calendar-weeks">
        {view.weeks.map((week) => (
          <section key={week.start} aria-label={`Week of ${formatDay(week.start)}`} className="rounded-lg border border-border">
            <div className={`hidden sm:grid sm:grid-cols-7 ${view.mode === "week" ? "sm:min-h-48" : ""}`}>
              {week.days.map((d, i) => (
                <DayCell key={d.day} day={d} weekday={WEEKDAYS[i] ?? ""} today={view.today} plans={plansOn(d.day)} pairs={pairs} byId={byId} wrap={view.mode === "week"} />
              ))}
            </div>
            <ol className="divide-y divide-border sm:hidden">
              {week.days
                .filter((d) => d.inRange && (d.workouts.length > 0 || plansOn(d.day).length > 0 || d.day === view.today || view.mode === "week"))
                .map((d) => (
                  <li key={d.day} className="space-y-1 p-2">
                    <p className={`text-xs font-semibold ${d.day === view.today ? "text-accent" : "text-muted"}`}>{formatDay(d.day)}</p>
                    <DayItems day={d} plans={plansOn(d.day)} pairs={pairs} byId={byId} today={view.today} wrap />
                  </li>
                ))}
            </ol>
            <div className="border-t border-border px-2 py-1.5">
              <TotalsLine label="Week" totals={week.totals} units={units} />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

interface ItemsProps {
  day: CalendarDay;
  plans: PlannedWorkout[];
  pairs: Map<string, string>;
  byId: Map<string, CalendarWorkout>;
  today: string;
  wrap?: boolean;
}

function DayItems({ day, plans, pairs, byId, today, wrap = false }: ItemsProps) {
  if (!day.workouts.length && !plans.length) return <p className="text-xs text-muted">Rest day</p>;
  return (
    <div className="space-y-1">
      {plans.map((p) => {
        const id = pairs.get(p.id);
        return <PlanChip key={p.id} plan={p} actual={id ? (byId.get(id) ?? null) : null} past={p.day < today} wrap={wrap} />;
      })}
      {day.workouts.map((w) => (
        <WorkoutChip key={w.id} w={w} wrap={wrap} />
      ))}
    </div>
  );
}

function DayCell({ weekday, ...items }: ItemsProps & { weekday: string }) {
  const { day, today } = items;
  const isToday = day.day === today;
  return (
    <div className={`min-h-24 min-w-0 space-y-1 border-r border-border p-1 last:border-r-0 ${day.inRange ? "" : "bg-surface-2/60"}`}>
      <p className={`text-xs ${isToday ? "font-bold text-accent" : day.inRange ? "text-muted" : "text-muted italic"}`}>
        <span className="sr-only">{formatDay(day.day)}</span>
        <span aria-hidden>
          {weekday} {Number(day.day.slice(8, 10))}
        </span>
      </p>
      {(day.workouts.length > 0 || items.plans.length > 0) && <DayItems {...items} />}
    </div>
  );
}
