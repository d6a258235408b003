"use client";

import { useActionState, useId, useState } from "react";
import { deleteAccountAction } from "@/actions/account";
import { DELETE_ACCOUNT_CONFIRMATION, isDeleteConfirmation } from "@/lib/domain/account";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** "Delete my account": typed confirmation, then everything goes and the user is signed out. */
export function DeleteAccount() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const [typed, setTyped] = useState("");
  const ids = { input: useId(), help: useId(), error: useId() };
  const fieldError = state && !state.ok ? state.fields?.confirmation : undefined;
  return (
    <form action={action} className="space-y-3 text-sm" data-testid="delete-account">
      <p id={ids.help} className="text-muted">
        Deletes everything AutoCoach holds for you: workouts, scores, thresholds, settings, upload records, and the Peloton and TrainingPeaks connections.
        AutoCoach&apos;s access to TrainingPeaks is revoked there too. Workouts already sent to TrainingPeaks stay on TrainingPeaks. This cannot be undone;
        download your data first if you want a copy.
      </p>
      {state && !state.ok && !fieldError && (
        <Alert tone="danger" title="Your account was not deleted">
          {state.message}
        </Alert>
      )}
      <label htmlFor={ids.input} className="flex flex-col gap-1">
        <span className="font-medium">
          Type <strong>{DELETE_ACCOUNT_CONFIRMATION}</strong> to confirm
        </span>
        <input
          id={ids.input}
          name="confirmation"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby={fieldError ? `${ids.help} ${ids.error}` : ids.help}
          aria-invalid={Boolean(fieldError)}
          className="min-h-10 w-full max-w-sm rounded-lg border border-border bg-surface px-3"
        />
        {fieldError && (
          <span id={ids.error} className="text-danger">
            {fieldError}
          </span>
        )}
      </label>
      <Button type="submit" variant="danger" disabled={pending || !isDeleteConfirmation(typed)}>
        {pending ? "Deleting your account…" : "Delete my account"}
      </Button>
    </form>
  );
}
