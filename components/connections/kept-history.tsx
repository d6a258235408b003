"use client";

import { useState, useTransition } from "react";
import { deleteKeptHistoryAction } from "@/actions/peloton";
import { otherAccountLabel, type OtherAccountHistory } from "@/lib/domain/peloton-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format/intl";

/** Workouts kept from Peloton accounts that are no longer connected, each deletable on its own. */
export function KeptHistory({ accounts }: { accounts: OtherAccountHistory[] }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (accounts.length === 0) return null;
  return (
    <Card title="Workouts from other Peloton accounts">
      <div className="space-y-3 text-sm" data-testid="kept-history">
        <p className="text-muted">Kept when you connected a different Peloton account. They stay in your history, labelled, and are no longer synced.</p>
        <ul className="divide-y divide-border">
          {accounts.map((a) => (
            <li key={a.pelotonUserId} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                {otherAccountLabel(a)}: <strong>{formatCount(a.workouts)}</strong> workout{a.workouts === 1 ? "" : "s"}
              </span>
              <Button
                variant="danger"
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(`Delete the ${a.workouts} workouts from ${a.username ?? "this account"}? This cannot be undone.`)) return;
                  start(async () => {
                    const r = await deleteKeptHistoryAction(a.pelotonUserId);
                    setError(r.ok ? null : r.message);
                  });
                }}
              >
                Delete these workouts
              </Button>
            </li>
          ))}
        </ul>
        <div aria-live="polite">{error && <Alert tone="danger" title="That didn't work">{error}</Alert>}</div>
      </div>
    </Card>
  );
}
