import { describe, expect, it } from "vitest";
import { runPool } from "./pool";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runPool", () => {
  it("never runs more than the concurrency cap and processes every item", async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool(Array.from({ length: 20 }, (_, i) => i), 4, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick(2);
      seen.push(i);
      inFlight--;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("stops taking new items when the budget says so", async () => {
    let allowed = 5;
    const started = await runPool(Array.from({ length: 20 }, (_, i) => i), 2, async () => {
      allowed--;
      await tick(1);
    }, () => allowed > 0);
    expect(started).toBeLessThan(20);
    expect(started).toBeGreaterThanOrEqual(5);
  });

  it("rethrows the first escaping error after in-flight work settles", async () => {
    let finished = 0;
    await expect(
      runPool([1, 2, 3, 4], 2, async (i) => {
        await tick(i);
        if (i === 1) throw new Error("boom");
        finished++;
      }),
    ).rejects.toThrow("boom");
    expect(finished).toBeGreaterThanOrEqual(1);
  });
});
