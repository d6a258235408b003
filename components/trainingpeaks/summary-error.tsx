import type { UserFacingError } from "@/lib/errors/user-facing";
import { Alert } from "@/components/ui/alert";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";

export function SummaryError({ error }: { error: UserFacingError }) {
  if (error.code === "reconnect_required") {
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
