"use client";

import { useEffect, useState, useTransition } from "react";
import { sendToTrainingPeaksAction } from "@/actions/workouts";
import type { PushView } from "@/lib/domain/upload";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Arrow } from "@/components/ui/arrow";

/** Polls while TrainingPeaks processes the file: each call polls its status for up to a step budget. */
const POLL_INTERVAL_MS = 1_500;
const MAX_POLL_CALLS = 40;

/** `paused`: TrainingPeaks access is missing (the card's notice says so); sending waits for the reconnect. */
export function SendToTrainingPeaks({ workoutId, initial, paused = false }: { workoutId: string; initial: PushView; paused?: boolean }) {
  const [view, setView] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [calls, setCalls] = useState(0);
  const busy = pending || view.state === "uploading" || view.state === "processing";

  const send = () => {
    setError(null);
    setCalls((n) => n + 1);
    start(async () => {
      const result = await sendToTrainingPeaksAction(workoutId);
      if (result.ok) setView(result.data);
      else setError(result.message);
    });
  };

  useEffect(() => {
    if (pending || (view.state !== "processing" && view.state !== "uploading") || calls >= MAX_POLL_CALLS) return;
    const timer = setTimeout(send, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `send` is recreated each render; the state decides
  }, [view, pending, calls]);

  return (
    <div className="space-y-3" data-testid="send-to-trainingpeaks" data-state={view.state}>
      {view.state === "done" ? (
        <Alert
          tone="ok"
          title={view.linkedExisting ? "Already on TrainingPeaks" : "Sent to TrainingPeaks"}
          action={
            view.tpWorkoutUrl ? (
              <a href={view.tpWorkoutUrl} target="_blank" rel="noreferrer" className="text-sm font-semibold underline">
                Open in TrainingPeaks <Arrow dir="up-right" />
              </a>
            ) : undefined
          }
        >
          {view.linkedExisting
            ? "TrainingPeaks already had this session, so we linked it instead of uploading a second copy."
            : "Uploaded as a FIT file with 1-second data; TrainingPeaks computed its own TSS from it."}
        </Alert>
      ) : busy ? (
        <p role="status" className="flex items-center gap-2 text-sm">
          <span aria-hidden className="size-3 animate-pulse rounded-full bg-accent" />
          {view.state === "processing" ? "TrainingPeaks is processing the file…" : "Sending to TrainingPeaks…"}
          {calls >= MAX_POLL_CALLS && " This is taking longer than usual; reload the page later to see the result."}
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" onClick={send} disabled={paused || !view.canSend}>
            {view.state === "failed" ? "Try again" : view.state === "queued" ? "Send now" : "Send to TrainingPeaks"}
          </Button>
          <span className="text-xs text-muted" data-testid="send-hint">
            {paused
              ? "Sending resumes once TrainingPeaks is reconnected (above)."
              : view.state === "queued"
                ? "Queued by Auto-send: it goes out after the next sync."
                : "Uploads a FIT file: 1-second power, cadence, heart rate and speed, with a lap per class segment."}
          </span>
        </div>
      )}
      {view.state === "failed" && <FailureNotice view={view} workoutId={workoutId} />}
      {error && (
        <Alert tone="danger" title="Could not send">
          {error}
        </Alert>
      )}
    </div>
  );
}

function FailureNotice({ view, workoutId }: { view: PushView; workoutId: string }) {
  if (view.errorCode === "consent_required" || view.errorCode === "reconnect_required") {
    const consent = view.errorCode === "consent_required";
    return (
      <Alert
        tone="warn"
        title={consent ? "Permission needed to upload" : "Reconnect TrainingPeaks"}
        action={<SignInWithTrainingPeaks callbackUrl={`/workouts/${workoutId}`} label={consent ? "Grant upload permission" : "Reconnect TrainingPeaks"} />}
      >
        {consent
          ? "When you signed in, TrainingPeaks did not give AutoCoach permission to add files (the file:write scope). Sign in again and approve it; nothing else changes."
          : view.message}
      </Alert>
    );
  }
  const wait = view.retryAfterSeconds ? ` You can try again in ${Math.ceil(view.retryAfterSeconds / 60)} min.` : "";
  return (
    <Alert tone="danger" title="Not sent">
      {view.message ?? "The upload failed."}
      {wait}
    </Alert>
  );
}
