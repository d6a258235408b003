/** Time source for the simulators: real by default, movable in tests so tokens expire without sleeping. */
export interface Clock {
  now(): number;
}

export class ManualClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  set(epochMs: number): void {
    this.offsetMs = epochMs - this.base.now();
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export const systemClock: Clock = { now: () => Date.now() };
