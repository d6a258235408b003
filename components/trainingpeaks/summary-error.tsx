import type { Failure } from "@/lib/errors/result";
import { Alert } from "@/components/ui/alert";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";

/**
 * Why the TrainingPeaks profile is missing. A disconnected or revoked TrainingPeaks is said once per page: when the
 * app shell's banner already says it (`bannerShown`), this says nothing; it speaks when access was lost during this
 * very request, after the shell read the connection.
 */
export function SummaryError({ error, bannerShown }: { error: Failure; bannerShown: boolean }) {
  if (error.code === "trainingpeaks.disconnected") {
    if (bannerShown) return null;
    return (
      <Alert tone="warn" title="Reconnect TrainingPeaks" action={<SignInWithTrainingPeaks label="Reconnect TrainingPeaks" callbackUrl="/dashboard" />}>
        {error.message}
      </Alert>
    );
  }
  return (
    <Alert tone="danger" title="Couldn't load your TrainingPeaks profile">
      {error.message}
    </Alert>
  );
}
