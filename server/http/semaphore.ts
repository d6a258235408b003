import "server-only";
import { deadlineExceeded, timeLeft } from "./deadline";

interface Waiter {
  grant: () => void;
}

/**
 * FIFO counting semaphore: an in-process gate in front of the shared (KV) request budget, so callers in
 * one process hand slots over immediately instead of polling the store. A waiter with a deadline leaves the
 * queue when it passes (`deadline.exceeded`), so a step never waits for a slot beyond its own time.
 */
export class Semaphore {
  private available: number;
  private readonly waiters: Waiter[] = [];

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  /** Callers waiting for a slot (for tests and diagnostics). */
  get queued(): number {
    return this.waiters.length;
  }

  async acquire(opts: { deadline?: number } = {}): Promise<() => void> {
    if (this.available > 0) this.available -= 1;
    else await this.wait(opts.deadline);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.available += 1;
    };
  }

  async run<T>(fn: () => Promise<T>, opts: { deadline?: number } = {}): Promise<T> {
    const release = await this.acquire(opts);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private wait(deadline: number | undefined): Promise<void> {
    const left = timeLeft(deadline);
    if (left <= 0) return Promise.reject(deadlineExceeded("a request slot"));
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      if (left !== Number.POSITIVE_INFINITY) {
        timer = setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(deadlineExceeded("a request slot"));
        }, left);
      }
      this.waiters.push(waiter);
    });
  }
}
