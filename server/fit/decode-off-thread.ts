import "server-only";
import { Worker } from "node:worker_threads";
import { AppError, fromFailure } from "@/lib/errors/app-error";
import { fitFileError, type Activity } from "@/lib/domain/activity";
import { formatSize, type DecodeFitOptions } from "./decode";
import type { DecodeRequest } from "./decode-worker";

/**
 * Decode an upload in a worker thread (docs/security.md "Hostile uploads"): the request thread stays free for other
 * users, and a hostile file meets four limits: the inflated size and message count (decode.ts), the worker's heap
 * (`resourceLimits`) and wall time (terminated). At most DECODE_CONCURRENCY decodes run at once per process; beyond
 * that the upload is refused with 503 and Retry-After instead of queueing memory.
 */
export const DECODE_CONCURRENCY = 2;
const DEFAULT_TIME_MS = 15_000;
const DEFAULT_HEAP_MB = 256;
const BUSY_RETRY_SECONDS = 5;

export interface OffThreadOptions extends DecodeFitOptions {
  /** wall time before the worker is terminated */
  timeMs?: number;
  /** the worker's old-generation heap cap */
  heapMb?: number;
}

type WorkerReply = { ok: true; activity: Activity } | { ok: false; code: string; message: string } | { ok: false; unexpected: string };

let running = 0;

// `next build` bundles the worker (the literal `new Worker(new URL(…))` below). Run from source (vitest, tsx), the
// worker is a .ts file that Node 20 cannot load by itself, so a one-line bootstrap registers tsx in the thread first.
const FROM_SOURCE = import.meta.url.endsWith(".ts");

function bootstrapFromSource(): string {
  const entry = import.meta.url.replace(/decode-off-thread\.ts$/, "decode-worker.ts");
  return `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

function spawn(request: DecodeRequest, heapMb: number): Worker {
  const options = { workerData: request, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 } };
  if (FROM_SOURCE) return new Worker(bootstrapFromSource(), { ...options, eval: true, execArgv: ["--conditions=react-server"] });
  return new Worker(new URL("./decode-worker.ts", import.meta.url), options);
}

function tooHeavy(heapMb: number, cause: unknown): AppError {
  return fitFileError("too_large", `This file needs more than ${formatSize(heapMb * 1024 * 1024)} of memory to read, far more than any single activity. Upload the .fit file of one activity.`, { cause });
}

function run(request: DecodeRequest, timeMs: number, heapMb: number): Promise<Activity> {
  return new Promise<Activity>((resolve, reject) => {
    const worker = spawn(request, heapMb);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => reject(fitFileError("too_slow", `This file took longer than ${Math.round(timeMs / 1000)} s to read, far longer than any single activity. Upload the .fit file of one activity.`)));
    }, timeMs);
    worker.on("message", (reply: WorkerReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.activity);
        else if ("code" in reply) reject(fromFailure(reply));
        else reject(new AppError("internal", { message: reply.unexpected }));
      });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooHeavy(heapMb, error) : new AppError("internal", { cause: error })));
    });
    worker.on("exit", (code) => settle(() => reject(new AppError("internal", { message: `The FIT decoder stopped (exit ${code}).` }))));
  });
}

/** decodeFit in a worker thread, under the limits above; a `fit.*` AppError for anything refused. */
export async function decodeFitOffThread(bytes: Uint8Array, opts: OffThreadOptions = {}): Promise<Activity> {
  if (running >= DECODE_CONCURRENCY) {
    throw new AppError("fit.busy", {
      message: `AutoCoach is reading ${DECODE_CONCURRENCY} other files right now. Try again in ${BUSY_RETRY_SECONDS} seconds.`,
      retryAfterSeconds: BUSY_RETRY_SECONDS,
    });
  }
  running += 1;
  try {
    const { timeMs = DEFAULT_TIME_MS, heapMb = DEFAULT_HEAP_MB, ...decodeOpts } = opts;
    return await run({ bytes, opts: decodeOpts }, timeMs, heapMb);
  } finally {
    running -= 1;
  }
}
