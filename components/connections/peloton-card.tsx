import type { DisplaySettings } from "@/lib/domain/display-settings";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { ftpSourceLabel } from "@/lib/format/display";
import { distanceFromUnit } from "@/lib/format/quantity";
import type { PelotonConnectionView } from "@/lib/domain/peloton-connection";
import type { SyncProgress } from "@/lib/domain/sync";
import { SyncPanel } from "@/components/sync/sync-panel";
import { finishedLabel } from "@/lib/format/sync-progress";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { WorkoutCounts } from "@/components/ui/workout-counts";
import { PelotonConnectForm } from "./peloton-connect-form";
import { PaceLevelForm } from "./pace-level-form";
import { PelotonControls } from "./peloton-controls";
import { ConnectionStatusBadge } from "./status-badge";
import { formatCount } from "@/lib/format/intl";

/** The Peloton simulator's demo member (public; shown only when the app talks to the simulator). */
const PELOTON_DEMO_MEMBER = { email: "demo.rider@example.com", password: "ride-on-demo" };

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatCount(n));

export function PelotonCard({
  connection,
  simulator = false,
  sync,
  history = null,
  display,
}: {
  connection: PelotonConnectionView | null;
  /** the synced workouts and the account they came from (the connect form asks what happens to them on a switch) */
  history?: { username: string | null; workouts: number } | null;
  /** the app talks to the Peloton simulator: show its demo member */
  simulator?: boolean;
  sync?: { progress: SyncProgress | null; hasHistory: boolean };
  /** the user's units and zone: the distance and every date below */
  display: DisplaySettings;
}) {
  if (!connection || connection.status !== "active") {
    return (
      <Card
        title="Peloton"
        action={connection ? <ConnectionStatusBadge status={connection.status} /> : undefined}
      >
        <div className="space-y-4 text-sm">
          {connection?.status === "reauth_required" ? (
            <p className="text-warn" data-testid="peloton-reconnect">
              {connection.lastError ?? "Peloton no longer accepts AutoCoach's saved sign-in."} Enter your password to reconnect; your synced data is kept.
            </p>
          ) : (
            <p className="text-muted">Connect your Peloton account to sync your workouts, class targets and lifetime stats.</p>
          )}
          <PelotonConnectForm demoHint={simulator ? PELOTON_DEMO_MEMBER : undefined} history={history} />
        </div>
      </Card>
    );
  }
  const p = connection.profile;
  const distance = distanceFromUnit(p?.totalDistance, p?.distanceUnit, display.units);
  return (
    <Card title="Peloton" action={<ConnectionStatusBadge status="active" testId="peloton-status" />}>
      <div className="space-y-5 text-sm" data-testid="peloton-card">
        <p>
          Signed in as <strong data-testid="peloton-leaderboard-name">{p?.leaderboardName ?? connection.username ?? connection.loginEmail}</strong>
          {p?.displayName ? <span className="text-muted"> ({p.displayName})</span> : null}
          {connection.rememberPassword && <span className="ml-2 rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">password remembered</span>}
        </p>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="peloton-stats">
          <Stat label="Workouts" value={<span data-testid="peloton-total-workouts">{fmt(p?.totalWorkouts)}</span>} hint={p?.totalPedalingWorkouts !== null && p?.totalPedalingWorkouts !== undefined ? `${fmt(p.totalPedalingWorkouts)} pedaling · ${fmt(p.totalNonPedalingWorkouts)} other` : undefined} />
          <Stat label="Weekly streak" value={fmt(p?.currentWeeklyStreak)} unit="wk" hint={`best ${fmt(p?.bestWeeklyStreak)} weeks`} />
          <Stat label="Daily streak" value={fmt(p?.currentDailyStreak)} unit="days" />
          <Stat label="Achievements" value={fmt(p?.achievementsCount)} />
          <Stat label="Peloton FTP" value={fmt(p?.ftpWatts)} unit={p?.ftpWatts ? "W" : undefined} hint={p?.ftpSource ? ftpSourceLabel(p.ftpSource) : undefined} />
          {p?.totalOutputKj !== null && p?.totalOutputKj !== undefined && <Stat label="Total output" value={fmt(Math.round(p.totalOutputKj))} unit="kJ" />}
          {distance && <Stat label="Distance" value={fmt(Math.round(distance.value))} unit={distance.unit} />}
          {p?.totalCalories !== null && p?.totalCalories !== undefined && <Stat label="Calories" value={fmt(Math.round(p.totalCalories))} unit="kcal" />}
        </dl>
        <WorkoutCounts counts={p?.workoutCounts ?? {}} testId="peloton-workout-counts" />
        <p className="text-xs text-muted">
          Connected {formatDate(connection.connectedAt, display.timeZone)}
          {connection.lastCheckedAt && ` · last checked ${formatDateTime(connection.lastCheckedAt, display.timeZone)}`}
          {" · "}stats as of {p ? formatDateTime(p.fetchedAt, display.timeZone) : "—"}
        </p>
        <PaceLevelForm initial={connection.paceLevel} />
        <div className="border-t border-border pt-4">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Workout history</h3>
          <SyncPanel initial={sync?.progress ?? null} hasHistory={sync?.hasHistory ?? false} timeZone={display.timeZone} initialFinished={finishedLabel(sync?.progress, display.timeZone)} />
        </div>
        <PelotonControls workouts={history?.workouts ?? 0} />
      </div>
    </Card>
  );
}
