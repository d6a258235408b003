import "server-only";
import { randomUUID } from "node:crypto";

/**
 * Refresh a single-use credential under a short lease held in the database row that stores it
 * (a conditional update), so processes sharing the database never spend the same refresh token twice.
 * A caller that loses the race waits and then uses the winner's fresh token.
 */
export interface LeaseStore {
  /** Current token version and a usable access token (null when a refresh is needed). Throws when disconnected. */
  read(): Promise<{ version: number; usableToken: string | null }>;
  /** Atomically take the lease when it is free or expired; false when someone else holds it. */
  claim(leaseId: string, until: Date, now: Date): Promise<boolean>;
  release(leaseId: string): Promise<void>;
}

export interface LeaseOptions {
  leaseMs?: number;
  waitMs?: number;
  /** Error to throw when the lease stays busy for longer than waitMs. */
  busy: () => Error;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function refreshUnderLease(
  store: LeaseStore,
  seenVersion: number,
  refresh: () => Promise<string>,
  opts: LeaseOptions,
): Promise<string> {
  const leaseMs = opts.leaseMs ?? 30_000;
  const deadline = Date.now() + (opts.waitMs ?? 25_000);
  for (;;) {
    const state = await store.read();
    if (state.version !== seenVersion && state.usableToken) return state.usableToken;
    const leaseId = randomUUID();
    const now = new Date();
    if (await store.claim(leaseId, new Date(now.getTime() + leaseMs), now)) {
      try {
        // Someone may have refreshed between our read and our claim.
        const again = await store.read();
        if (again.version !== seenVersion && again.usableToken) return again.usableToken;
        return await refresh();
      } finally {
        await store.release(leaseId);
      }
    }
    if (Date.now() > deadline) throw opts.busy();
    await sleep(75 + Math.random() * 150);
  }
}
