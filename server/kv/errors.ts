import "server-only";
import { AppError, isAppError } from "@/lib/errors/app-error";

/** Why the KV store failed: it is misconfigured, unreachable, refused a command, or answered oddly. */
export type KvErrorCode = "misconfigured" | "unavailable" | "command_failed" | "bad_response";

/** A failure of the KV store itself (`kv.unavailable`). Messages never contain the access token. */
export function kvError(kind: KvErrorCode, message: string, options?: { cause?: unknown }): AppError {
  return new AppError("kv.unavailable", { message, cause: options?.cause, detail: { kind } });
}

/** `withLock` could not take the lock within `waitMs` (`kv.busy`). */
export function lockTimeout(key: string, waitMs: number): AppError {
  return new AppError("kv.busy", { message: `Could not acquire lock "${key}" within ${waitMs} ms`, detail: { kind: "lock_timeout", key, waitMs } });
}

/** `acquireSlot` could not get a concurrency slot, or its spacing turn, within `waitMs` (`kv.busy`). */
export function slotTimeout(key: string, waitMs: number, reason: "concurrency" | "spacing"): AppError {
  const message = reason === "concurrency" ? `No free slot for "${key}" within ${waitMs} ms` : `Spacing for "${key}" would need longer than the ${waitMs} ms wait budget`;
  return new AppError("kv.busy", { message, detail: { kind: "slot_timeout", key, waitMs, reason } });
}

/** The kind of a KV failure (`command_failed`, `lock_timeout`, `slot_timeout`, …), or null for any other error. */
export function kvFailureKind(error: unknown): KvErrorCode | "lock_timeout" | "slot_timeout" | null {
  if (!isAppError(error, "kv.")) return null;
  const kind = error.detail?.kind;
  return typeof kind === "string" ? (kind as KvErrorCode | "lock_timeout" | "slot_timeout") : null;
}
