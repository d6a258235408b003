import "server-only";

/** Validates a duration the store will use as a TTL; Redis PX needs a positive whole number. */
export function toTtlMs(value: number, name = "ttlMs"): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number of milliseconds, got ${value}`);
  }
  return Math.ceil(value);
}

export function toWaitMs(value: number | undefined, name = "waitMs"): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be zero or a positive number of milliseconds, got ${value}`);
  }
  return value;
}

export function toPositiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Spread retries of competing waiters so they do not poll in lockstep. */
export function jitter(ms: number): number {
  return ms * (0.5 + Math.random());
}

/** Monotonic: waits must not stretch or shrink when the wall clock is adjusted. */
export function monotonicNow(): number {
  return performance.now();
}
