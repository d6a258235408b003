import { describe, expect, it, vi } from "vitest";
import type { SyncPhase, SyncProgress } from "@/lib/domain/sync";
import { createSyncDriver, describeDriver, type StepAnswer, type SyncActions } from "./sync-driver";

const progress = (phase: SyncPhase, done = 0): SyncProgress => ({
  jobId: "job1",
  kind: "full",
  phase,
  total: 320,
  done,
  failed: 0,
  remoteTotal: 320,
  listComplete: true,
  ratePerMinute: null,
  etaSeconds: null,
  lastError: null,
  pauseReason: null,
  resumeAfter: null,
  startedAt: "2026-05-01T10:00:00.000Z",
  finishedAt: null,
  requests: 0,
  steps: 0,
});

const ok = <T>(data: T) => ({ ok: true as const, data });
const step = (phase: SyncPhase, done: number, more = true, busy = false): { ok: true; data: StepAnswer } => ok({ progress: progress(phase, done), more, busy });

/** A promise the test settles by hand, to hold a step "in flight". */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Fake server actions: each step answers with the next of `steps` (the last repeats). */
function fakeActions(steps: Awaited<ReturnType<SyncActions["step"]>>[], over: Partial<SyncActions> = {}) {
  let i = 0;
  const actions = {
    start: vi.fn(async () => ok(progress("listing"))),
    step: vi.fn(async () => steps[Math.min(i++, steps.length - 1)]!),
    cancel: vi.fn(async () => ok(progress("cancelled", 40))),
    resume: vi.fn(async () => ok(progress("details", 40))),
    ...over,
  } satisfies SyncActions;
  return actions;
}

function driverWith(actions: SyncActions, initial: SyncProgress | null = null) {
  const refresh = vi.fn();
  const sleep = vi.fn(async () => {});
  const driver = createSyncDriver({ actions, initial, refresh, sleep, now: () => 0 });
  return { driver, refresh, sleep };
}

describe("sync driver", () => {
  it("starts, steps until `more` is false, shows the last progress and refreshes the page at the end", async () => {
    const actions = fakeActions([step("listing", 0), step("details", 100), step("done", 320, false)]);
    const { driver, refresh } = driverWith(actions);
    await driver.attach();
    expect(actions.step).not.toHaveBeenCalled();
    await driver.start("full");
    expect(actions.start).toHaveBeenCalledWith("full");
    expect(actions.step).toHaveBeenCalledTimes(3);
    expect(driver.getState()).toMatchObject({ driving: false, error: null, pending: null, progress: { phase: "done", done: 320 } });
    expect(describeDriver(driver.getState()).running).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("waits before the next step while another driver holds the job, and not otherwise", async () => {
    const actions = fakeActions([step("details", 10, true, true), step("details", 10, true, false), step("done", 320, false)]);
    const { driver, sleep } = driverWith(actions);
    await driver.start("incremental");
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep).toHaveBeenCalledWith(1_500);
    expect(actions.step).toHaveBeenCalledTimes(3);
  });

  it("refreshes the page at most every 10 s while it runs, and once at the end", async () => {
    let clock = 0;
    let n = 0;
    const refresh = vi.fn();
    const actions = fakeActions([], {
      step: vi.fn(async () => {
        clock += 4_000;
        n++;
        return step(n < 6 ? "details" : "done", n * 10, n < 6);
      }),
    });
    const driver = createSyncDriver({ actions, initial: null, refresh, sleep: async () => {}, now: () => clock });
    await driver.attach();
    await driver.start("full");
    // Six steps of 4 s each: refreshed after 12 s and after 24 s, then at the end.
    expect(actions.step).toHaveBeenCalledTimes(6);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it("continues a running job when the page mounts (a reload mid-sync), and stops stepping when it unmounts", async () => {
    const first = deferred<{ ok: true; data: StepAnswer }>();
    const actions = fakeActions([step("details", 60)], { step: vi.fn(() => first.promise) });
    const { driver, refresh } = driverWith(actions, progress("details", 50));
    const running = driver.attach();
    expect(driver.getState().driving).toBe(true);
    driver.detach();
    first.resolve(step("details", 60));
    await running;
    expect(actions.step).toHaveBeenCalledTimes(1);
    expect(driver.getState().progress?.done).toBe(50);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("does nothing on mount when the job is not running", async () => {
    const actions = fakeActions([]);
    const { driver } = driverWith(actions, progress("cancelled", 40));
    await driver.attach();
    expect(actions.step).not.toHaveBeenCalled();
  });

  it("cancel shows at once, drops the answer of the step in flight and takes no further step", async () => {
    const inFlight = deferred<{ ok: true; data: StepAnswer }>();
    const cancelled = deferred<{ ok: true; data: SyncProgress | null }>();
    const actions = fakeActions([], { step: vi.fn(() => inFlight.promise), cancel: vi.fn(() => cancelled.promise) });
    const { driver } = driverWith(actions, progress("details", 30));
    const loop = driver.attach();

    const cancelling = driver.cancel();
    // Before the server has answered anything: the page already shows the sync as cancelled.
    expect(driver.getState()).toMatchObject({ driving: false, pending: "cancel", progress: { phase: "cancelled", done: 30 } });
    expect(describeDriver(driver.getState()).running).toBe(false);

    inFlight.resolve(step("details", 35));
    await loop;
    expect(driver.getState().progress?.phase).toBe("cancelled");
    cancelled.resolve(ok(progress("cancelled", 35)));
    await cancelling;
    expect(actions.step).toHaveBeenCalledTimes(1);
    expect(driver.getState()).toMatchObject({ pending: null, error: null, progress: { phase: "cancelled", done: 35 } });
  });

  it("a refused cancel puts the progress back and says why", async () => {
    const actions = fakeActions([step("done", 320, false)], { cancel: vi.fn(async () => ({ ok: false as const, message: "Your session has expired. Sign in again." })) });
    const { driver } = driverWith(actions, progress("details", 30));
    await driver.cancel();
    expect(driver.getState()).toMatchObject({ pending: null, error: "Your session has expired. Sign in again.", progress: { phase: "details" } });
  });

  it("stops on a refused step, shows its message, and Try again carries on", async () => {
    const answers = [{ ok: false as const, message: "Peloton is not responding." }, step("done", 320, false)];
    const actions = fakeActions(answers);
    const { driver } = driverWith(actions, progress("details", 30));
    await driver.attach();
    expect(actions.step).toHaveBeenCalledTimes(1);
    expect(driver.getState()).toMatchObject({ driving: false, error: "Peloton is not responding.", progress: { phase: "details" } });
    expect(describeDriver(driver.getState())).toEqual({ running: true, canRetry: true });
    await driver.retry();
    expect(driver.getState()).toMatchObject({ error: null, progress: { phase: "done" } });
  });

  it("turns a step that could not reach the server into a message instead of an unhandled rejection", async () => {
    const actions = fakeActions([], { step: vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))) });
    const { driver } = driverWith(actions, progress("details", 30));
    await driver.attach();
    expect(driver.getState().error).toBe("AutoCoach did not answer. Check your connection and try again.");
    expect(driver.getState().driving).toBe(false);
  });

  it("a refused start shows its message and takes no step", async () => {
    const actions = fakeActions([], { start: vi.fn(async () => ({ ok: false as const, message: "Connect Peloton first." })) });
    const { driver } = driverWith(actions);
    const starting = driver.start("full");
    expect(driver.getState().pending).toBe("start");
    await starting;
    expect(actions.step).not.toHaveBeenCalled();
    expect(driver.getState()).toMatchObject({ pending: null, error: "Connect Peloton first.", progress: null });
  });

  it("resume drives the job again after a cancel", async () => {
    const actions = fakeActions([step("done", 320, false)]);
    const { driver } = driverWith(actions, progress("cancelled", 40));
    await driver.resume();
    expect(actions.resume).toHaveBeenCalledTimes(1);
    expect(actions.step).toHaveBeenCalledTimes(1);
    expect(driver.getState().progress?.phase).toBe("done");
  });

  it("tells subscribers about every change", async () => {
    const { driver } = driverWith(fakeActions([step("done", 320, false)]));
    const seen: string[] = [];
    const unsubscribe = driver.subscribe(() => seen.push(driver.getState().progress?.phase ?? "none"));
    await driver.start("full");
    unsubscribe();
    expect(seen).toContain("listing");
    expect(seen.at(-1)).toBe("done");
  });
});
