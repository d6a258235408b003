import Link from "@/components/ui/link";
import { trainingPeaksAccess, type TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { SignInWithTrainingPeaks } from "./sign-in-button";
import { Alert } from "@/components/ui/alert";

/**
 * The one way pages show that TrainingPeaks access is missing or revoked (so auto-send and uploads are paused): a
 * banner in the app shell on every page, and the same words inline where something would be sent. Reconnecting from
 * the banner comes back to the page it was on.
 */
export function TrainingPeaksAccessNotice({ connection, variant = "inline" }: { connection: TrainingPeaksConnectionState; variant?: "banner" | "inline" }) {
  const access = trainingPeaksAccess(connection);
  if (access.live) return null;
  if (variant === "inline") {
    return (
      <p className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm" data-testid="tp-access-inline">
        <strong>{access.title}.</strong> {access.detail}
      </p>
    );
  }
  return (
    <Alert tone="warn" title={access.title} action={<SignInWithTrainingPeaks returnHere label="Reconnect TrainingPeaks" />}>
      <span data-testid="tp-access-banner">
        {access.detail}{" "}
        <Link href="/connections" className="underline">
          Details
        </Link>
      </span>
    </Alert>
  );
}
