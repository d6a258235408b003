import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { getSyncOverview } from "@/server/queries/sync";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { PelotonCard } from "@/components/connections/peloton-card";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Card } from "@/components/ui/card";
import { disconnectTrainingPeaksAction } from "@/actions/trainingpeaks";

export const metadata: Metadata = { title: "Connections" };
// Server actions on this page run sync steps (SYNC_STEP_BUDGET_MS, default 8 s).
export const maxDuration = 30;

/** The Peloton simulator's demo member (public, demo mode only). */
const PELOTON_DEMO_MEMBER = { email: "demo.rider@example.com", password: "ride-on-demo" };

const STATUS = {
  active: { label: "Connected", className: "bg-ok/15 text-ok" },
  reauth_required: { label: "Reconnect needed", className: "bg-warn/15 text-warn" },
  disconnected: { label: "Disconnected", className: "bg-surface-2 text-muted" },
  missing: { label: "Not connected", className: "bg-surface-2 text-muted" },
} as const;

export default async function ConnectionsPage() {
  const user = await requireUser();
  const [tp, peloton, sync] = await Promise.all([getTrainingPeaksConnection(user.id), getPelotonConnection(user.id), getSyncOverview(user.id)]);
  const env = getEnv();
  const status = STATUS[tp.status];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Connections</h1>
      <PelotonCard connection={peloton} sync={sync} demoHint={env.peloton.mode === "simulator" ? PELOTON_DEMO_MEMBER : undefined} />
      <Card
        title="TrainingPeaks"
        action={
          <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${status.className}`} data-testid="tp-status">
            {status.label}
          </span>
        }
      >
        <div className="space-y-4 text-sm">
          <p className="text-muted">
            Signs you in and provides your profile, thresholds and activities.
            {env.trainingPeaks.mode === "simulator" && " Demo mode: connected to the local TrainingPeaks simulator."}
            {env.trainingPeaks.mode === "sandbox" && " Using TrainingPeaks' sandbox environment."}
          </p>
          {tp.scope && (
            <p>
              <span className="text-muted">Permissions granted: </span>
              {tp.scope.split(/\s+/).map((s) => (
                <code key={s} className="mr-1 rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                  {s}
                </code>
              ))}
            </p>
          )}
          {tp.status === "reauth_required" && tp.lastError && <p className="text-warn">{tp.lastError}</p>}
          <div className="flex flex-wrap gap-3">
            {tp.status !== "active" && <SignInWithTrainingPeaks callbackUrl="/connections" label="Reconnect TrainingPeaks" />}
            <form action={disconnectTrainingPeaksAction}>
              <ConfirmSubmit
                variant="danger"
                message="Disconnect TrainingPeaks? AutoCoach's access will be revoked at TrainingPeaks and its stored tokens deleted. You will be signed out."
              >
                Disconnect TrainingPeaks
              </ConfirmSubmit>
            </form>
          </div>
          <p className="text-xs text-muted">Tokens are encrypted at rest (AES-256-GCM) and never leave the server.</p>
        </div>
      </Card>
    </div>
  );
}
