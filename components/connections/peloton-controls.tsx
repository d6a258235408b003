"use client";

import { useState, useTransition } from "react";
import { testPelotonAction } from "@/actions/peloton";
import type { ProfileChange } from "@/lib/domain/peloton-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PelotonDisconnect } from "./peloton-disconnect";

type Outcome = { kind: "tested"; changes: ProfileChange[] } | { kind: "error"; message: string } | null;

export function PelotonControls({ workouts }: { workouts: number }) {
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<"test" | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => {
            setBusy("test");
            start(async () => {
              const r = await testPelotonAction();
              setOutcome(r.ok ? { kind: "tested", changes: r.data.changes } : { kind: "error", message: r.message });
              setBusy(null);
            });
          }}
        >
          {busy === "test" ? "Testing…" : "Test connection"}
        </Button>
        <PelotonDisconnect workouts={workouts} onError={(message) => setOutcome({ kind: "error", message })} />
      </div>
      <div aria-live="polite">
        {outcome?.kind === "error" && <Alert tone="danger" title="That didn't work">{outcome.message}</Alert>}
        {outcome?.kind === "tested" && (
          <Alert tone="ok" title="Connection works">
            <span data-testid="peloton-test-result">
              {outcome.changes.length === 0
                ? "Token renewed and profile re-read from Peloton. Nothing changed since the last check."
                : `Token renewed and profile re-read. Changed: ${outcome.changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join("; ")}.`}
            </span>
          </Alert>
        )}
      </div>
    </div>
  );
}
