"use client";

import Link from "@/components/ui/link";
import { useSyncCommands } from "@/hooks/use-sync-commands";
import { useSyncProgress } from "@/hooks/use-sync-progress";
import { isRunning, type SyncProgress } from "@/lib/domain/sync";
import { describeProgress } from "@/lib/format/sync-progress";

/**
 * The app shell's compact sync status, on every page: while a sync runs (or waits paused) a slim strip under the
 * header with the phase, the counts, a thin bar and Cancel. Polls through the shared progress query; announces
 * changes politely to screen readers; wraps to two lines on a 360 px screen. Starts from the progress the server
 * read for the page (`initial`), so loading a page asks nothing.
 */
export function SyncIndicator({ initial }: { initial: SyncProgress | null }) {
  const { data: progress } = useSyncProgress(initial);
  const { cancel, pending } = useSyncCommands();
  const running = !!progress && isRunning(progress.phase);
  const show = !!progress && (running || progress.phase === "paused" || pending === "cancel");
  const view = progress ? describeProgress(progress) : null;
  return (
    <div aria-live="polite" aria-atomic="true" data-testid="sync-indicator">
      {show && view && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-border px-4 py-1.5 text-xs sm:px-6">
          <Link href="/connections" className="font-semibold underline-offset-2 hover:underline" data-testid="sync-indicator-phase">
            {progress.phase === "cancelled" ? "Sync cancelled" : view.label}
          </Link>
          <span className="tabular-nums text-muted">{view.counts}</span>
          {view.percent !== null && (
            <span className="h-1.5 w-16 overflow-hidden rounded-full bg-surface-2" aria-hidden="true">
              <span className={`block h-full rounded-full ${view.tone === "paused" ? "bg-warn" : "bg-accent"}`} style={{ width: `${view.percent}%` }} />
            </span>
          )}
          {running && (
            <button type="button" onClick={cancel} disabled={pending !== null} className="ml-auto rounded px-2 py-0.5 text-muted underline hover:text-text disabled:opacity-50">
              Cancel sync
            </button>
          )}
        </div>
      )}
    </div>
  );
}
