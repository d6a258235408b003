import { expect, vi } from "vitest";

/**
 * Loads a module twice, as two server instances would, calls `get` on both copies at once and expects the same
 * answer from each (which it returns). Code that must coordinate across instances (token refresh) can do so only
 * through the database or KV, never module state.
 */
export async function agreedByTwoInstances<M, T>(load: () => Promise<M>, get: (instance: M) => Promise<T>): Promise<T> {
  const first = await load();
  vi.resetModules();
  const second = await load();
  expect(second, "the second load is a separate module instance").not.toBe(first);
  const [a, b] = await Promise.all([get(first), get(second)]);
  expect(b, "both instances get the same answer").toEqual(a);
  return a;
}
