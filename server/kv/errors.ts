import "server-only";

export type KvErrorCode = "misconfigured" | "unavailable" | "command_failed" | "bad_response";

/** A failure of the KV store itself. Messages never contain the access token. */
export class KvError extends Error {
  override readonly name = "KvError";
  constructor(
    readonly code: KvErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** `withLock` could not take the lock within `waitMs`. */
export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
  readonly code = "lock_timeout";
  constructor(
    readonly key: string,
    readonly waitMs: number,
  ) {
    super(`Could not acquire lock "${key}" within ${waitMs} ms`);
  }
}

/** `acquireSlot` could not get a concurrency slot, or its spacing turn, within `waitMs`. */
export class SlotTimeoutError extends Error {
  override readonly name = "SlotTimeoutError";
  readonly code = "slot_timeout";
  constructor(
    readonly key: string,
    readonly waitMs: number,
    readonly reason: "concurrency" | "spacing",
  ) {
    super(
      reason === "concurrency"
        ? `No free slot for "${key}" within ${waitMs} ms`
        : `Spacing for "${key}" would need longer than the ${waitMs} ms wait budget`,
    );
  }
}
