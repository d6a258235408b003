import "server-only";

/** What a lock and a slot have in common: a lease the holder gives back. */
export interface Lease {
  /** Frees the lease if this holder still owns it; false when it had already expired or been taken over. */
  release(): Promise<boolean>;
}

/** Runs `fn` with a held lease and releases it afterwards, also when `fn` throws. */
export async function runHolding<L extends Lease, T>(lease: L, fn: (lease: L) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await fn(lease);
  } catch (error) {
    // fn's error is the one the caller needs; if the release fails too, the lease expires on its own.
    await lease.release().catch(() => false);
    throw error;
  }
  await lease.release();
  return result;
}
