import type { PushView } from "@/lib/domain/upload";
import { trainingPeaksAccess, type TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { TrainingPeaksAccessNotice } from "@/components/layout/trainingpeaks-access-notice";
import { noFileMessage } from "@/lib/format/workout-labels";
import { SendToTrainingPeaks } from "./send-to-trainingpeaks";
import { WorkoutCompare } from "./workout-compare";
import { buttonClass } from "@/components/ui/button";
import { Card, NoteCard } from "@/components/ui/card";

/** Send to TrainingPeaks, compare with what TrainingPeaks has, and download the file. */
export function TrainingPeaksCard(props: {
  workoutId: string;
  hasSamples: boolean;
  inProgress: boolean;
  push: PushView;
  discipline: string;
  syncState: "pending" | "complete" | "failed";
  trainingPeaks: TrainingPeaksConnectionState;
}) {
  const { workoutId, hasSamples, inProgress, push, trainingPeaks } = props;
  if (!hasSamples) {
    return (
      <NoteCard title="TrainingPeaks and files" testId="no-file">
        {noFileMessage(props.discipline, props.syncState)}
      </NoteCard>
    );
  }
  // Without TrainingPeaks access, sending and comparing wait for the reconnect the notice above asks for, rather
  // than offer a button whose only answer is that same message.
  const paused = !trainingPeaksAccess(trainingPeaks).live;
  const exportHref = (format: "fit" | "tcx") => `/api/workouts/${workoutId}/export?format=${format}`;
  return (
    <Card title="TrainingPeaks and files">
      <div className="space-y-5">
        <TrainingPeaksAccessNotice connection={trainingPeaks} />
        {inProgress && push.state === "not_sent" ? (
          <p className="text-sm text-muted" data-testid="send-unavailable">
            Sending to TrainingPeaks is available once the workout has finished and synced (TrainingPeaks would keep a partial ride).
          </p>
        ) : (
          <SendToTrainingPeaks workoutId={workoutId} initial={push} paused={paused} />
        )}
        <div className="border-t border-border pt-4">
          <WorkoutCompare workoutId={workoutId} paused={paused} />
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
          <span className="text-sm font-medium">Download</span>
          <a href={exportHref("fit")} download className={buttonClass("secondary")} data-testid="export-fit">
            FIT file
          </a>
          <a href={exportHref("tcx")} download className={buttonClass("secondary")} data-testid="export-tcx">
            TCX file
          </a>
          <span className="text-xs text-muted">For Garmin Connect, Strava, Golden Cheetah or any other tool.</span>
        </div>
      </div>
    </Card>
  );
}
