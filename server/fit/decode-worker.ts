import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "@/lib/errors/app-error";
import { decodeFit, type DecodeFitOptions } from "./decode";

/**
 * Worker entry of decode-off-thread.ts: one decode per worker, so a hostile file costs this thread's heap (capped by
 * `resourceLimits`) and time (terminated by the parent), never the server's.
 */
export interface DecodeRequest {
  bytes: Uint8Array;
  opts: DecodeFitOptions;
}

const { bytes, opts } = workerData as DecodeRequest;
try {
  parentPort?.postMessage({ ok: true, activity: decodeFit(bytes, opts) });
} catch (error) {
  if (isAppError(error, "fit.")) parentPort?.postMessage({ ok: false, code: error.code, message: error.message });
  else parentPort?.postMessage({ ok: false, unexpected: error instanceof Error ? error.message : String(error) });
}
