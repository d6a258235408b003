"use client";

import { useId, useState, useTransition } from "react";
import { disconnectPelotonAction } from "@/actions/peloton";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/intl";

/** "Disconnect Peloton", confirmed in place, with the choice to delete the synced workouts too. */
export function PelotonDisconnect({ workouts, onError }: { workouts: number; onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [deleteWorkouts, setDeleteWorkouts] = useState(false);
  const [pending, start] = useTransition();
  const ids = { panel: useId(), check: useId() };
  // After Cancel, focus goes back to the button that opened the panel.
  const [returned, setReturned] = useState(false);
  if (!open) {
    return (
      <Button autoFocus={returned} variant="danger" aria-expanded={false} aria-controls={ids.panel} onClick={() => setOpen(true)}>
        Disconnect Peloton
      </Button>
    );
  }
  return (
    <div id={ids.panel} role="group" aria-label="Disconnect Peloton" className="w-full space-y-3 rounded-lg border border-danger/40 p-3 text-sm" data-testid="peloton-disconnect">
      <p>AutoCoach deletes its saved Peloton sign-in (and password, if saved). Your synced workouts stay unless you tick the box.</p>
      {workouts > 0 && (
        <label htmlFor={ids.check} className="flex items-start gap-3">
          <input id={ids.check} type="checkbox" className="mt-1 size-4" checked={deleteWorkouts} onChange={(e) => setDeleteWorkouts(e.target.checked)} />
          <span>
            Also delete my {formatCount(workouts)} synced workout{workouts === 1 ? "" : "s"} (with their scores and upload records). This cannot be undone.
          </span>
        </label>
      )}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="danger"
          autoFocus
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await disconnectPelotonAction({ deleteWorkouts });
              if (!r.ok) onError(r.message);
              setOpen(false);
            })
          }
        >
          {pending ? "Disconnecting…" : deleteWorkouts ? "Disconnect and delete workouts" : "Disconnect"}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => {
            setOpen(false);
            setReturned(true);
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}
