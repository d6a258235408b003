import type { Failure } from "@/lib/errors/result";
import { Alert } from "@/components/ui/alert";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";

export function SummaryError({ error }: { error: Failure }) {
  if (error.code === "trainingpeaks.disconnected") {
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
