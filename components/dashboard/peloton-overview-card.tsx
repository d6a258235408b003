import Link from "@/components/ui/link";
import type { PelotonConnectionView } from "@/lib/domain/peloton-connection";
import type { SyncProgress } from "@/lib/domain/sync";
import type { DisplaySettings } from "@/lib/domain/display-settings";
import { SyncPanel } from "@/components/sync/sync-panel";
import { finishedLabel } from "@/lib/format/sync-progress";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LifetimeStats } from "./lifetime-stats";

/** Lifetime stats and the sync controls when Peloton is connected; otherwise the way to connect it. */
export function PelotonOverviewCard({ connection, sync, display }: { connection: PelotonConnectionView | null; sync: { progress: SyncProgress | null; hasHistory: boolean }; display: DisplaySettings }) {
  const profile = connection?.status === "active" ? connection.profile : null;
  return (
    <Card title="Peloton" action={profile ? <span className="text-xs text-muted">{profile.leaderboardName}</span> : undefined}>
      {profile ? (
        <div className="space-y-5">
          <LifetimeStats profile={profile} units={display.units} />
          <div className="border-t border-border pt-4">
            <SyncPanel initial={sync.progress} hasHistory={sync.hasHistory} timeZone={display.timeZone} initialFinished={finishedLabel(sync.progress, display.timeZone)} />
          </div>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <p className="text-muted">
            {connection?.status === "reauth_required"
              ? "Peloton needs you to reconnect your account; your synced history is kept."
              : "Connect your Peloton account to see your lifetime stats, weekly volume and every class against its targets."}
          </p>
          <Link href="/connections" className={buttonClass("primary")}>
            {connection ? "Reconnect Peloton" : "Connect Peloton"}
          </Link>
        </div>
      )}
    </Card>
  );
}
