"use client";

import { useId, useState, useTransition } from "react";
import { setAutoSendAction } from "@/actions/trainingpeaks";
import { formatMoment } from "@/lib/format/date";

/** The "Auto-send new rides" switch (a real checkbox: keyboard and screen readers work as usual). */
export function AutoSendToggle({
  initial,
  canUpload,
  timeZone = "UTC",
  initialSince,
}: {
  initial: { enabled: boolean; since: string | null };
  canUpload: boolean;
  /** the user's zone (server/queries/user-time-zone.ts), so the cutoff reads in the time the workouts show */
  timeZone?: string;
  /** `initial.since` as the server formatted it: a phone's page load builds no Intl formatter (lib/format/intl.ts) */
  initialSince?: string;
}) {
  const id = useId();
  const [state, setState] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const since = state.since ? (state.since === initial.since && initialSince ? initialSince : formatMoment(state.since, timeZone)) : null;
  return (
    <div className="space-y-2 text-sm" data-testid="auto-send">
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="checkbox"
          className="size-5 accent-[var(--accent)]"
          checked={state.enabled}
          disabled={pending}
          onChange={(e) => {
            const enabled = e.target.checked;
            const before = state;
            // Show the change at once; the saved value (or the old one, on failure) follows.
            setState({ ...state, enabled });
            start(async () => {
              const r = await setAutoSendAction(enabled);
              if (r.ok) {
                setState(r.data);
                setMessage(
                  enabled && r.data.since
                    ? `On: workouts started on or after ${formatMoment(r.data.since, timeZone)} go to TrainingPeaks after each sync.`
                    : enabled
                      ? "On: new rides go to TrainingPeaks after each sync."
                      : "Off.",
                );
              } else {
                setState(before);
                setMessage(r.message);
              }
            });
          }}
        />
        <label htmlFor={id} className="font-medium">
          Auto-send new rides to TrainingPeaks
        </label>
      </div>
      <p className="text-xs text-muted" aria-live="polite">
        {message ??
          (state.enabled && since
            ? `Workouts started on or after ${since} (when you turned this on) are uploaded after each sync; earlier ones are not (never twice: anything TrainingPeaks already has is linked instead).`
            : "After each sync, new Peloton workouts are uploaded as FIT files with 1-second data. Older workouts can be sent one by one from their page.")}
      </p>
      {!canUpload && (
        <p className="text-xs text-warn">
          AutoCoach doesn&apos;t have TrainingPeaks&apos; permission to add files yet; sign in again and approve it before uploads can succeed.
        </p>
      )}
    </div>
  );
}
