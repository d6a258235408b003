"use client";

import { useDataExport } from "@/hooks/use-data-export";
import { formatBytes } from "@/lib/format/bytes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/intl";

/** "Download my data": a zip of the account and every workout (JSON and FIT), with progress while it streams. */
export function DownloadData() {
  const { state, start, cancel } = useDataExport();
  const busy = state.phase === "downloading";
  const progress = state.phase === "downloading" || state.phase === "done" ? state : null;
  const percent = progress?.total ? Math.min(100, Math.round((progress.progress.matching / progress.total) * 100)) : null;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-muted">
        A zip with your account, settings and thresholds, and every synced workout as JSON (all samples) and as a FIT file for Garmin Connect, Strava or any
        other tool.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => void start()} disabled={busy} data-testid="download-data">
          {busy ? "Preparing your zip…" : "Download my data"}
        </Button>
        {busy && (
          <Button variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        )}
      </div>
      {progress && (
        <div className="space-y-1" aria-live="polite" data-testid="download-progress">
          <progress className="h-2 w-full accent-accent" max={100} value={percent ?? undefined} aria-label="Download progress" />
          <p className="text-muted">
            {state.phase === "done" ? "Saved. " : ""}
            {formatCount(progress.progress.matching)}
            {progress.total !== null ? ` of ${formatCount(progress.total)}` : ""} workouts · {formatBytes(progress.progress.bytes)}
          </p>
        </div>
      )}
      {state.phase === "error" && (
        <Alert tone="danger" title="The download didn't finish">
          {state.message}
        </Alert>
      )}
    </div>
  );
}
