"use client";

import { useActionState, useId, useState } from "react";
import { connectPelotonAction } from "@/actions/peloton";
import { Alert } from "@/components/ui/alert";
import { SubmitRow } from "@/components/ui/button";
import { HistoryChoice } from "./history-choice";

/** Email + password → one headless Peloton login on the server. The password never comes back to the page. */
export function PelotonConnectForm({ demoHint, history }: { demoHint?: { email: string; password: string }; history?: { username: string | null; workouts: number } | null }) {
  const [state, action, pending] = useActionState(connectPelotonAction, null);
  const [email, setEmail] = useState("");
  const ids = { email: useId(), password: useId(), remember: useId(), help: useId() };
  const fieldErrors = state && !state.ok ? (state.fields ?? {}) : {};
  return (
    <form action={action} className="space-y-4" aria-describedby={ids.help} data-testid="peloton-connect-form">
      {state && !state.ok && !state.fields && (
        <Alert tone={state.code === "peloton.bad_credentials" ? "warn" : "danger"} title="Couldn't connect Peloton">
          <span data-testid="peloton-connect-error">{state.message}</span>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <label htmlFor={ids.email} className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Peloton email or username</span>
          <input
            id={ids.email}
            name="email"
            type="text"
            inputMode="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={Boolean(fieldErrors.email)}
            className="min-h-10 rounded-lg border border-border bg-surface px-3"
          />
          {fieldErrors.email && <span className="text-danger">{fieldErrors.email}</span>}
        </label>
        <label htmlFor={ids.password} className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Password</span>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(fieldErrors.password)}
            className="min-h-10 rounded-lg border border-border bg-surface px-3"
          />
          {fieldErrors.password && <span className="text-danger">{fieldErrors.password}</span>}
        </label>
      </div>
      {history && <HistoryChoice history={history} highlight={Boolean(state && !state.ok && state.code === "peloton.history_choice_required")} />}
      <label htmlFor={ids.remember} className="flex items-start gap-3 text-sm">
        <input id={ids.remember} name="rememberPassword" type="checkbox" className="mt-1 size-4" />
        <span>
          <span className="font-medium">Remember my Peloton password</span>
          <span className="block text-muted">
            Off by default. If Peloton ends AutoCoach&apos;s saved sign-in, AutoCoach can sign in again by itself instead of asking you. The
            password is encrypted at rest and never shown again; without it you may occasionally be asked to reconnect.
          </span>
        </span>
      </label>
      <SubmitRow pending={pending} busyLabel="Signing in to Peloton…" label="Connect Peloton">
        <p id={ids.help} className="text-xs text-muted">
          AutoCoach signs in the way Peloton&apos;s website does, once; it keeps a sealed token, not your password (unless you tick the box).
        </p>
      </SubmitRow>
      {demoHint && (
        <p className="rounded-lg bg-surface-2 p-3 text-sm" data-testid="peloton-demo-hint">
          Demo mode (local Peloton simulator): use <code className="rounded bg-surface px-1 font-semibold">{demoHint.email}</code> with password{" "}
          <code className="rounded bg-surface px-1 font-semibold">{demoHint.password}</code>.
        </p>
      )}
    </form>
  );
}
