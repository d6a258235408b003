import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * A simulator for one test file: started once, closed at the end, reset before each test (then `each` runs, e.g.
 * to mint a token). Tests keep their own `sim` variable: `withSimulator(async () => (sim = await start…()))`.
 */
export function withSimulator<S extends { close(): unknown; reset(): unknown }>(
  start: () => Promise<S>,
  each?: (sim: S) => unknown,
): void {
  const sim = startedForFile(start);
  beforeEach(async () => {
    const running = sim();
    if (!running) return;
    running.reset();
    await each?.(running);
  });
}

/** A simulator started once for a test file and closed at its end, its state carried from test to test. */
export function startedForFile<S extends { close(): unknown }>(start: () => Promise<S>): () => S | undefined {
  let sim: S | undefined;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim?.close());
  return () => sim;
}

