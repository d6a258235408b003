"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cancelSyncAction, resumeSyncAction, runSyncStepAction, startSyncAction } from "@/actions/sync";
import type { SyncProgress } from "@/lib/domain/sync";
import { describeProgress } from "@/lib/format/sync-progress";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const RUNNING = new Set(["listing", "details", "finalizing", "uploading"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives a sync from the browser: one server action per bounded step, in a loop, with progress.
 * A reload picks the running job up again (the job and its cursor live in the database).
 */
export function SyncPanel({ initial, hasHistory }: { initial: SyncProgress | null; hasHistory: boolean }) {
  const router = useRouter();
  const [progress, setProgress] = useState<SyncProgress | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [driving, setDriving] = useState(false);
  const stop = useRef(false);
  const active = useRef(false);

  const drive = useCallback(async () => {
    if (active.current) return;
    active.current = true;
    stop.current = false;
    setDriving(true);
    setError(null);
    let lastRefresh = Date.now();
    try {
      while (!stop.current) {
        const r = await runSyncStepAction();
        if (!r.ok) {
          setError(r.message);
          break;
        }
        if (r.data.progress) setProgress(r.data.progress);
        // Show newly synced workouts on the page as they arrive (at most every 10 s).
        if (Date.now() - lastRefresh > 10_000) {
          router.refresh();
          lastRefresh = Date.now();
        }
        if (!r.data.more) break;
        if (r.data.busy) await sleep(1_500);
      }
    } finally {
      active.current = false;
      setDriving(false);
      router.refresh();
    }
  }, [router]);

  useEffect(() => {
    // Survive a reload: continue a job that is still running.
    if (initial && RUNNING.has(initial.phase)) void drive();
    return () => {
      stop.current = true;
    };
  }, [initial, drive]);

  async function start(kind: "full" | "incremental") {
    setError(null);
    const r = await startSyncAction(kind);
    if (!r.ok) return setError(r.message);
    setProgress(r.data);
    void drive();
  }

  async function cancel() {
    stop.current = true;
    const r = await cancelSyncAction();
    if (r.ok) setProgress(r.data);
    else setError(r.message);
  }

  async function resume() {
    const r = await resumeSyncAction();
    if (!r.ok) return setError(r.message);
    setProgress(r.data);
    void drive();
  }

  const view = progress ? describeProgress(progress) : null;
  const running = driving || (progress !== null && RUNNING.has(progress.phase));
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
          {progress?.finishedAt && progress.phase === "done" && (
            <p className="text-xs text-muted">Last sync finished {new Date(progress.finishedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}.</p>
          )}
        </div>
      )}
      {error && (
        <Alert tone="danger" title="Sync problem">
          {error}
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        {running ? (
          <Button variant="secondary" onClick={() => void cancel()}>
            Cancel sync
          </Button>
        ) : progress && (progress.phase === "paused" || progress.phase === "cancelled") ? (
          <Button onClick={() => void resume()}>Resume sync</Button>
        ) : (
          <Button onClick={() => void start(hasHistory ? "incremental" : "full")}>{hasHistory ? "Sync now" : "Sync my Peloton history"}</Button>
        )}
        {!running && hasHistory && (
          <Button variant="ghost" onClick={() => void start("full")}>
            Full re-sync
          </Button>
        )}
      </div>
    </div>
  );
}
