import { disconnectTrainingPeaksAction } from "@/actions/trainingpeaks";
import type { TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Card } from "@/components/ui/card";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TrainingPeaksAccessNotice } from "@/components/layout/trainingpeaks-access-notice";
import { ConnectionStatusBadge } from "./status-badge";

const MODE_NOTE = {
  simulator: " Demo mode: connected to the local TrainingPeaks simulator.",
  sandbox: " Using TrainingPeaks' sandbox environment.",
  production: "",
} as const;

/** TrainingPeaks is the sign-in: its grant, the permissions it carries, and the way to reconnect or leave. */
export function TrainingPeaksConnectionCard({ connection, mode }: { connection: TrainingPeaksConnectionState; mode: keyof typeof MODE_NOTE }) {
  return (
    <Card title="TrainingPeaks" action={<ConnectionStatusBadge status={connection.status} testId="tp-status" />}>
      <div className="space-y-4 text-sm">
        <p className="text-muted">
          Signs you in and provides your profile, thresholds and activities.
          {MODE_NOTE[mode]}
        </p>
        {connection.scope && (
          <p className="flex flex-wrap items-center gap-1">
            <span className="text-muted">Permissions granted:</span>
            {connection.scope.split(/\s+/).map((s) => (
              <code key={s} className="max-w-full break-all rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                {s}
              </code>
            ))}
          </p>
        )}
        <TrainingPeaksAccessNotice connection={connection} />
        {connection.status === "reauth_required" && connection.lastError && <p className="text-warn">{connection.lastError}</p>}
        <div className="flex flex-wrap gap-3">
          {connection.status !== "active" && <SignInWithTrainingPeaks callbackUrl="/connections" label="Reconnect TrainingPeaks" />}
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
  );
}
