import { describe, expect, it, vi } from "vitest";
import { isDeadlineExceeded } from "./deadline";
import { request } from "./request";

/** A clock the test moves: `sleep` advances it instead of waiting. */
function fakeClock(start = 1_000_000) {
  let now = start;
  vi.spyOn(Date, "now").mockImplementation(() => now);
  const slept: number[] = [];
  return {
    slept,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });

describe("request with a deadline", () => {
  it("does not start a retry whose backoff would cross the deadline", async () => {
    const clock = fakeClock();
    const fetchImpl = vi.fn(async () => status(503));
    const error = await request("https://api.example/x", {
      provider: "peloton",
      retries: 3,
      baseDelayMs: 1_000,
      random: () => 1,
      sleep: clock.sleep,
      fetchImpl,
      deadline: Date.now() + 2_500,
    }).catch((e: unknown) => e);
    // 1 s backoff fits, the next 2 s one does not: two attempts, then out of time (not a failure of the workout).
    expect(clock.slept).toEqual([1_000]);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(isDeadlineExceeded(error)).toBe(true);
    vi.restoreAllMocks();
  });

  it("cuts each attempt's timeout to the time left", async () => {
    fakeClock();
    let signal: AbortSignal | undefined;
    const timeout = vi.spyOn(AbortSignal, "timeout");
    await request("https://api.example/x", {
      provider: "peloton",
      timeoutMs: 15_000,
      deadline: Date.now() + 3_000,
      fetchImpl: async (_url, init) => {
        signal = init?.signal ?? undefined;
        return status(200);
      },
    });
    expect(timeout).toHaveBeenCalledWith(3_000);
    expect(signal).toBeDefined();
    vi.restoreAllMocks();
  });

  it("a deadline that is not a whole millisecond still gives the attempt a valid timeout", async () => {
    fakeClock();
    const timeout = vi.spyOn(AbortSignal, "timeout");
    await request("https://api.example/x", { provider: "peloton", deadline: Date.now() + 2_082.5, fetchImpl: async () => status(200) });
    expect(timeout).toHaveBeenCalledWith(2_082);
    vi.restoreAllMocks();
  });

  it("sends nothing once the deadline has passed", async () => {
    const clock = fakeClock();
    const fetchImpl = vi.fn(async () => status(200));
    const deadline = Date.now() + 10;
    clock.advance(10);
    await expect(request("https://api.example/x", { provider: "peloton", fetchImpl, deadline })).rejects.toMatchObject({ code: "deadline.exceeded" });
    expect(fetchImpl).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it("a Retry-After longer than the time left stays a rate limit, so the job pauses for it", async () => {
    const clock = fakeClock();
    const fetchImpl = vi.fn(async () => status(429, { "retry-after": "5" }));
    await expect(
      request("https://api.example/x", { provider: "peloton", retries: 2, sleep: clock.sleep, fetchImpl, deadline: Date.now() + 3_000 }),
    ).rejects.toMatchObject({ code: "peloton.rate_limited", retryAfterSeconds: 5 });
    expect(clock.slept).toEqual([]);
    vi.restoreAllMocks();
  });

  it("without a deadline, retries as before", async () => {
    const clock = fakeClock();
    const fetchImpl = vi.fn(async () => status(503));
    await expect(request("https://api.example/x", { provider: "peloton", retries: 2, baseDelayMs: 1_000, random: () => 1, sleep: clock.sleep, fetchImpl })).rejects.toMatchObject({
      code: "peloton.unavailable",
    });
    expect(clock.slept).toEqual([1_000, 2_000]);
    vi.restoreAllMocks();
  });
});
