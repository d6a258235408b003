"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { rescoreNowAction } from "@/actions/analytics";
import { queryKeys } from "@/hooks/query-keys";
import { useAnalyticsProgress } from "@/hooks/use-analytics-progress";
import type { AnalyticsProgress } from "@/lib/domain/analytics";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/intl";

/**
 * The analytics job as a page sees it: a progress bar while workouts are being scored (on the server: closing the page
 * does not stop it), the page's figures refreshed when it finishes, and a way to start it when scores are missing.
 */
export function RescoreProgress({ initial, unscored }: { initial: AnalyticsProgress; unscored: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useAnalyticsProgress(initial);
  const [starting, startTransition] = useTransition();
  const wasRunning = useRef(initial.state === "running" || initial.state === "pending");
  const running = data.state === "running" || data.state === "pending";

  useEffect(() => {
    if (running) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      router.refresh();
    }
  }, [running, router]);

  const start = () =>
    startTransition(async () => {
      const result = await rescoreNowAction();
      if (result.ok) queryClient.setQueryData(queryKeys.analyticsProgress(), result.data);
    });

  if (running) {
    const pct = data.total > 0 ? Math.min(100, Math.round((data.done / data.total) * 100)) : null;
    return (
      <div className="space-y-2 rounded-lg border border-border bg-surface-2 p-3 text-sm" data-testid="rescore-progress">
        <p role="status" aria-live="polite">
          {data.total > 0 ? `Scoring your workouts: ${formatCount(data.done)} of ${formatCount(data.total)}` : "Checking which workouts need a new score…"}
          {data.reason === "thresholds" || data.reason === "settings" || data.reason === "ftp test" ? " (your thresholds changed)" : ""}. This runs on the server; you can leave this page.
        </p>
        <div className="h-2 overflow-hidden rounded-full bg-border" role="progressbar" aria-label="Scoring progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
          <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${pct ?? 5}%` }} />
        </div>
      </div>
    );
  }
  if (data.state === "failed") {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm" role="alert">
        <p>Scoring stopped with an error. Your other figures are unchanged.</p>
        <Button variant="secondary" onClick={start} disabled={starting}>
          {starting ? "Starting…" : "Try again"}
        </Button>
      </div>
    );
  }
  if (unscored > 0) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border bg-surface-2 p-3 text-sm" data-testid="unscored-notice">
        <p>
          {formatCount(unscored)} workout{unscored === 1 ? " has" : "s have"} no score yet, so these figures are incomplete.
        </p>
        <Button variant="secondary" onClick={start} disabled={starting}>
          {starting ? "Starting…" : "Score them now"}
        </Button>
      </div>
    );
  }
  return null;
}
