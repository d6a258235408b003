import "server-only";

/** What a lock and a slot have in common: a lease the holder gives back. */
export interface Lease {
  /** Frees the lease if this holder still owns it; false when it had already expired or been taken over. */
  release(): Promise<boolean>;
}

/**
 * Runs `fn` with a held lease and releases it afterwards, also when `fn` throws. `giveBack` replaces the release after
 * a success (a slot may hand its release to the next caller's KV request: server/kv/slots.ts).
 */
export async function runHolding<L extends Lease, T>(lease: L, fn: (lease: L) => Promise<T>, giveBack: (lease: L) => unknown = (l) => l.release()): Promise<T> {
  let result: T;
  try {
    result = await fn(lease);
  } catch (error) {
    // fn's error is the one the caller needs; if the release fails too, the lease expires on its own.
    await lease.release().catch(() => false);
    throw error;
  }
  await giveBack(lease);
  return result;
}
