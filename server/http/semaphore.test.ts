import { afterEach, describe, expect, it, vi } from "vitest";
import { isDeadlineExceeded } from "./deadline";
import { Semaphore } from "./semaphore";

describe("Semaphore", () => {
  it("caps concurrency and serves waiters in order", async () => {
    const sem = new Semaphore(2);
    let inFlight = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sem.run(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          order.push(i);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("releases on error and ignores double release", async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    const release = await sem.acquire();
    release();
    release();
    const a = await sem.acquire();
    let second = false;
    const pending = sem.acquire().then(() => (second = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(second).toBe(false);
    a();
    await pending;
    expect(second).toBe(true);
  });

  describe("with a deadline", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("a waiter leaves the queue when its deadline passes, and the slot goes to the next one", async () => {
      vi.useFakeTimers({ now: 1_000_000 });
      const sem = new Semaphore(1);
      const held = await sem.acquire();
      const late = sem.acquire({ deadline: Date.now() + 2_000 }).then(
        () => "granted",
        (error: unknown) => (isDeadlineExceeded(error) ? "deadline" : "other"),
      );
      const patient = sem.acquire();
      expect(sem.queued).toBe(2);
      await vi.advanceTimersByTimeAsync(1_999);
      expect(sem.queued).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(await late).toBe("deadline");
      expect(sem.queued).toBe(1);
      held();
      const next = await patient;
      expect(sem.queued).toBe(0);
      next();
      // Nothing leaked: the slot is free again.
      (await sem.acquire({ deadline: Date.now() + 1 }))();
    });

    it("fails at once when the deadline has already passed and no slot is free", async () => {
      vi.useFakeTimers({ now: 1_000_000 });
      const sem = new Semaphore(1);
      const held = await sem.acquire();
      await expect(sem.acquire({ deadline: Date.now() })).rejects.toMatchObject({ code: "deadline.exceeded" });
      expect(sem.queued).toBe(0);
      held();
      // A free slot is taken even at the deadline: the caller decides what to do with no time left.
      (await sem.acquire({ deadline: Date.now() }))();
    });
  });
});
