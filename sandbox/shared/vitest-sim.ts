import { afterAll, beforeAll, beforeEach } from "vitest";

/**
 * A simulator for one test file: started once, closed at the end, reset before each test (then `each` runs, e.g.
 * to mint a token). Tests keep their own `sim` variable: `withSimulator(async () => (sim = await start…()))`.
 */
export function withSimulator<S extends { close(): unknown; reset(): unknown }>(
  start: () => Promise<S>,
  each?: (sim: S) => unknown,
): void {
  let sim: S | undefined;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim?.close());
  beforeEach(async () => {
    if (!sim) return;
    sim.reset();
    await each?.(sim);
  });
}
