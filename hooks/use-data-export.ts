"use client";

import { useCallback, useRef, useState } from "react";
import { AppError, fromFailure } from "@/lib/errors/app-error";
import { isFailure } from "@/lib/errors/result";
import { zipProgressCounter, type ZipProgress } from "@/lib/export/zip-progress";

/** "Download my data": streams GET /api/account/export, counting workouts as they arrive, then saves the zip. */
export type DataExportState =
  | { phase: "idle" }
  | { phase: "downloading"; progress: ZipProgress; total: number | null }
  | { phase: "done"; progress: ZipProgress; total: number | null }
  | { phase: "error"; message: string };

const URL_PATH = "/api/account/export";

async function failureOf(res: Response): Promise<AppError> {
  const body: unknown = await res.json().catch(() => null);
  return isFailure(body) ? fromFailure(body) : new AppError(res.status === 401 ? "auth.unauthenticated" : "internal");
}

function save(parts: Uint8Array[], filename: string): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "application/zip" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDataExport() {
  const [state, setState] = useState<DataExportState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async () => {
    const controller = new AbortController();
    abort.current = controller;
    const counter = zipProgressCounter((name) => /^workouts\/.+\.json$/.test(name));
    try {
      const res = await fetch(URL_PATH, { signal: controller.signal });
      if (!res.ok || !res.body) throw await failureOf(res);
      const header = res.headers.get("X-Export-Workouts");
      const total = header && /^\d+$/.test(header) ? Number(header) : null;
      let progress = counter.push(new Uint8Array(0));
      setState({ phase: "downloading", progress, total });
      const parts: Uint8Array[] = [];
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        progress = counter.push(value);
        setState({ phase: "downloading", progress, total });
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? "autocoach-export.zip";
      save(parts, name);
      setState({ phase: "done", progress, total });
    } catch (error) {
      if (controller.signal.aborted) setState({ phase: "idle" });
      else setState({ phase: "error", message: error instanceof AppError ? error.message : "The download stopped before it finished. Try again." });
    } finally {
      abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel };
}
