import Link from "@/components/ui/link";
import { otherAccountLabel } from "@/lib/domain/peloton-connection";
import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { formatDate, formatWorkoutDate } from "@/lib/format/date";
import { disciplineLabel, ftpSourceLabel } from "@/lib/format/display";
import { showsFtp } from "@/lib/format/workout-labels";
import { Alert } from "@/components/ui/alert";
import { formatCount } from "@/lib/format/intl";
import { Arrow } from "@/components/ui/arrow";

/** Title, class facts and tags of a workout, and whether it is still incomplete. */
export function WorkoutHeader({ workout: w, timeZone, durations }: { workout: WorkoutDetailView; timeZone: string; durations: string }) {
  const meta = [
    w.instructor?.name,
    disciplineLabel(w.discipline),
    w.ride ? `${Math.round(w.ride.durationSeconds / 60)} min class` : null,
    w.ride?.difficulty ? `difficulty ${w.ride.difficulty.toFixed(1)}` : null,
    w.ride?.originalAirTime ? `aired ${formatDate(w.ride.originalAirTime, timeZone)}` : null,
  ].filter(Boolean);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/workouts" className="text-muted hover:underline">
          <Arrow dir="left" /> Workouts
        </Link>
      </nav>
      <header className="space-y-1">
        <p className="text-sm text-muted" data-testid="workout-start">
          {formatWorkoutDate(w.startTime, timeZone, "long")}
        </p>
        <h1 className="text-2xl font-bold" data-testid="workout-title">
          {w.title}
        </h1>
        <p className="text-sm text-muted" data-testid="workout-meta">
          {meta.join(" · ")}
        </p>
        <div className="flex flex-wrap gap-2 pt-1 text-xs">
          {w.otherAccount && (
            <Tag title="Kept when you connected a different Peloton account; no longer synced" testId="workout-account">
              {otherAccountLabel(w.otherAccount)}
            </Tag>
          )}
          {w.ride?.classTypes.map((t) => <Tag key={t}>{t}</Tag>)}
          <Tag title="Recorded is the timer time every figure, file and comparison uses" testId="workout-durations">
            {durations}
          </Tag>
          {w.status === "IN_PROGRESS" && (
            <span className="rounded-full bg-accent/15 px-2 py-0.5 font-semibold" data-testid="workout-in-progress">
              In progress
            </span>
          )}
          {w.ftp && showsFtp(w.discipline) && (
            <Tag title="FTP used for zones, IF and TSS">
              FTP {w.ftp.watts} W ({ftpSourceLabel(w.ftp.source)})
            </Tag>
          )}
          {w.leaderboard && (
            <Tag>
              #{formatCount(w.leaderboard.rank)}
              {w.leaderboard.total ? ` of ${formatCount(w.leaderboard.total)}` : ""}
            </Tag>
          )}
        </div>
      </header>
      {w.status === "IN_PROGRESS" && <Alert tone="info" title="Still in progress">This workout hadn&apos;t finished when it was synced; the next sync updates it.</Alert>}
      {w.syncState === "failed" && <Alert tone="warn" title="Not fully downloaded">{w.syncError ?? "Peloton did not return this workout’s data."}{w.otherAccount ? "" : " It is retried on the next sync."}</Alert>}
    </>
  );
}

function Tag({ children, title, testId }: { children: React.ReactNode; title?: string; testId?: string }) {
  return (
    <span className="rounded-full bg-surface-2 px-2 py-0.5" title={title} data-testid={testId}>
      {children}
    </span>
  );
}
