import Link from "@/components/ui/link";
import { trainingPeaksAccess, type TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { SignInWithTrainingPeaks } from "./sign-in-button";
import { Alert } from "@/components/ui/alert";

/**
 * The one way pages show that TrainingPeaks access is missing or revoked (so auto-send and uploads are paused): a
 * banner in the app shell on every page, and the same words inline where something would be sent.
 */
export function TrainingPeaksAccessNotice({
  connection,
  variant = "inline",
  callbackUrl = "here",
}: {
  connection: TrainingPeaksConnectionState;
  variant?: "banner" | "inline";
  /** where reconnecting ends: the page the banner is on unless given */
  callbackUrl?: string;
}) {
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
    <Alert tone="warn" title={access.title} action={<SignInWithTrainingPeaks callbackUrl={callbackUrl} label="Reconnect TrainingPeaks" />}>
      <span data-testid="tp-access-banner">
        {access.detail}{" "}
        <Link href="/connections" className="underline">
          Details
        </Link>
      </span>
    </Alert>
  );
}
