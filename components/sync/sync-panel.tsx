"use client";

import { useSyncDriver } from "@/hooks/use-sync-driver";
import type { SyncProgress } from "@/lib/domain/sync";
import { formatDateTime } from "@/lib/format/date";
import { describeProgress } from "@/lib/format/sync-progress";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A sync's progress and its controls. The server runs the steps; useSyncDriver polls the progress and sends the
 * commands. Times are on the user's clock (`timeZone`), so the server's HTML and the browser's render agree; the
 * finish time the page loaded with comes formatted from the server (`initialFinished`, from finishedLabel in lib/format/sync-progress.ts), so a
 * phone's page load builds no Intl formatter (lib/format/intl.ts says why).
 */
export function SyncPanel({ initial, hasHistory, timeZone, initialFinished }: { initial: SyncProgress | null; hasHistory: boolean; timeZone: string; initialFinished?: string }) {
  const { progress, error, running, pending, start, cancel, resume } = useSyncDriver(initial);
  const view = progress ? describeProgress(progress) : null;
  const finished = progress?.finishedAt && progress.phase === "done" ? (progress.finishedAt === initial?.finishedAt && initialFinished ? initialFinished : formatDateTime(progress.finishedAt, timeZone)) : null;
  return (
    <div className="space-y-3" data-testid="sync-panel">
      {view && (
        <div className="space-y-2" aria-live="polite">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-semibold" data-testid="sync-phase">
              {view.label}
            </span>
            <span className="tabular-nums text-muted" data-testid="sync-counts">
              {view.counts}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={view.percent ?? undefined}
            className="h-2.5 overflow-hidden rounded-full bg-surface-2"
          >
            <div
              className={`h-full rounded-full transition-[width] ${view.tone === "paused" ? "bg-warn" : view.tone === "error" ? "bg-danger" : "bg-accent"} ${view.percent === null && running ? "w-1/3 animate-pulse" : ""}`}
              style={view.percent === null ? undefined : { width: `${view.percent}%` }}
            />
          </div>
          {view.detail && (
            <p className="text-sm text-muted" data-testid="sync-detail">
              {view.detail}
            </p>
          )}
          {finished && <p className="text-xs text-muted">Last sync finished {finished}.</p>}
        </div>
      )}
      {error && (
        <Alert tone="danger" title="Sync problem">
          {error}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        {running ? (
          <Button variant="secondary" onClick={cancel} disabled={pending !== null}>
            Cancel sync
          </Button>
        ) : progress && (progress.phase === "paused" || progress.phase === "cancelled") ? (
          <Button onClick={resume} disabled={pending !== null}>
            Resume sync
          </Button>
        ) : (
          <Button onClick={() => start(hasHistory ? "incremental" : "full")} disabled={pending !== null}>
            {hasHistory ? "Sync now" : "Sync my Peloton history"}
          </Button>
        )}
        {!running && hasHistory && (
          <Button variant="ghost" onClick={() => start("full")} disabled={pending !== null}>
            Full re-sync
          </Button>
        )}
      </div>
    </div>
  );
}
