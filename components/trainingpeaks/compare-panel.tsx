"use client";

import { useId, useState, type DragEvent, type FormEvent } from "react";
import { isAppError } from "@/lib/errors/app-error";
import { isRetryable } from "@/hooks/query-client";
import { useCompareFitFile } from "@/hooks/use-compare-fit-file";
import { MAX_FTP_WATTS, MIN_FTP_WATTS } from "@/lib/compare/ftp";
import { MAX_FIT_UPLOAD_BYTES } from "@/lib/domain/activity";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { QueryPanel } from "@/components/ui/query-panel";
import { ComparisonResult, ComparisonSkeleton } from "./comparison-result";

const LIMIT_MB = Math.round(MAX_FIT_UPLOAD_BYTES / (1024 * 1024));

/** A proxy in front of the app may refuse a large body with its own page, which has no JSON error to show. */
function messageOf(error: Error): string {
  if (isAppError(error, "input.too_large") && error.detail?.bare) return `The file is larger than the upload limit (${LIMIT_MB} MB).`;
  return error.message;
}

function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** Upload a .fit / .fit.gz and see it next to the matching TrainingPeaks workout. Nothing is stored. */
export function ComparePanel() {
  const [file, setFile] = useState<File | null>(null);
  const [ftp, setFtp] = useState("");
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useCompareFitFile();
  const sent = mutation.variables;
  const fileId = useId();
  const ftpId = useId();
  const hintId = useId();

  const choose = (next: File | null) => {
    mutation.reset();
    setLocalError(next && next.size > MAX_FIT_UPLOAD_BYTES ? `${next.name} is ${sizeLabel(next.size)}; the limit is ${LIMIT_MB} MB.` : null);
    setFile(next);
  };

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files.item(0));
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) {
      setLocalError("Choose a .fit or .fit.gz file first.");
      return;
    }
    if (!localError) mutation.mutate({ file, ftp });
  };

  return (
    <div className="space-y-4" data-testid="compare-panel">
      <form className="space-y-3" onSubmit={onSubmit} noValidate>
        <label
          htmlFor={fileId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex min-h-28 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed p-4 text-center text-sm transition focus-within:ring-2 focus-within:ring-focus ${
            dragging ? "border-accent bg-accent/10" : "border-border hover:bg-surface-2"
          }`}
        >
          <input
            id={fileId}
            type="file"
            accept=".fit,.fit.gz,.gz,application/vnd.ant.fit,application/gzip"
            className="sr-only"
            aria-describedby={hintId}
            onChange={(e) => choose(e.currentTarget.files?.item(0) ?? null)}
          />
          {file ? (
            <span className="font-semibold break-all" data-testid="compare-file-name">
              {file.name} <span className="font-normal text-muted">({sizeLabel(file.size)})</span>
            </span>
          ) : (
            <span className="font-semibold">Choose a FIT file or drop it here</span>
          )}
          <span id={hintId} className="text-xs text-muted">
            .fit or .fit.gz from a head unit or watch, up to {LIMIT_MB} MB. It is read once and not stored.
          </span>
        </label>
        <div className="flex flex-wrap items-end gap-3">
          <label htmlFor={ftpId} className="flex flex-col gap-1 text-sm">
            <span className="text-muted">FTP (optional)</span>
            <input
              id={ftpId}
              type="number"
              inputMode="numeric"
              min={MIN_FTP_WATTS}
              max={MAX_FTP_WATTS}
              step={1}
              placeholder="e.g. 265"
              value={ftp}
              onChange={(e) => setFtp(e.target.value)}
              className="min-h-10 w-32 rounded-lg border border-border bg-surface px-3"
            />
          </label>
          <Button type="submit" disabled={mutation.isPending || !file || localError !== null}>
            {mutation.isPending ? "Decoding…" : "Compare"}
          </Button>
          <p className="basis-full text-xs text-muted sm:basis-auto">Empty FTP: the file&apos;s own FTP, else your TrainingPeaks threshold.</p>
        </div>
      </form>

      {localError ? (
        <Alert tone="danger" title="Couldn't compare this file">
          {localError}
        </Alert>
      ) : (
        <QueryPanel
          query={mutation}
          loading={<ComparisonSkeleton />}
          loadingLabel="Decoding the file and looking for it on TrainingPeaks…"
          showLoadingLabel
          errorTitle="Couldn't compare this file"
          errorMessage={messageOf}
          // A file refused once is refused again; a lost connection or a server fault may pass next time.
          onRetry={sent && isRetryable(mutation.error) ? () => mutation.mutate(sent) : undefined}
        >
          {(report) => <ComparisonResult report={report} />}
        </QueryPanel>
      )}
    </div>
  );
}
