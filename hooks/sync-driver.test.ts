import { describe, expect, it } from "vitest";
import type { SyncPhase, SyncProgress } from "@/lib/domain/sync";
import { describeDriver, justFinished, optimisticCancel, SYNC_IDLE_POLL_MS, SYNC_POLL_MS, syncPollInterval } from "./sync-driver";

const progress = (phase: SyncPhase, done = 0): SyncProgress => ({
  jobId: "job1",
  kind: "full",
  phase,
  total: 320,
  done,
  failed: 0,
  remoteTotal: 320,
  listComplete: true,
  ratePerMinute: 120,
  etaSeconds: 90,
  lastError: null,
  pauseReason: null,
  resumeAfter: null,
  startedAt: "2026-05-01T10:00:00.000Z",
  finishedAt: null,
  requests: 0,
  steps: 0,
});

describe("the browser's view of a server-driven sync", () => {
  it("polls often while a job runs and slowly otherwise (the schedule may start one)", () => {
    for (const phase of ["listing", "details", "finalizing", "uploading"] as const) expect(syncPollInterval(progress(phase))).toBe(SYNC_POLL_MS);
    for (const phase of ["done", "paused", "cancelled", "failed"] as const) expect(syncPollInterval(progress(phase))).toBe(SYNC_IDLE_POLL_MS);
    expect(syncPollInterval(null)).toBe(SYNC_IDLE_POLL_MS);
    expect(syncPollInterval(undefined)).toBe(SYNC_IDLE_POLL_MS);
  });

  it("a cancel shows at once: the running job reads cancelled before the server answers", () => {
    expect(optimisticCancel(progress("details", 40))).toMatchObject({ phase: "cancelled", done: 40, etaSeconds: null });
    // nothing running: nothing to pretend
    expect(optimisticCancel(progress("done", 320))).toMatchObject({ phase: "done" });
    expect(optimisticCancel(null)).toBeNull();
  });

  it("the controls stop showing a running job while its cancel is on the way", () => {
    expect(describeDriver(progress("details"), null)).toEqual({ running: true });
    expect(describeDriver(progress("details"), "cancel")).toEqual({ running: false });
    expect(describeDriver(progress("details"), "start")).toEqual({ running: true });
    expect(describeDriver(progress("paused"), null)).toEqual({ running: false });
    expect(describeDriver(null, null)).toEqual({ running: false });
  });

  it("a job the page saw running and now sees finished asks for one refresh of the page", () => {
    expect(justFinished(progress("details"), progress("done", 320))).toBe(true);
    expect(justFinished(progress("uploading"), progress("cancelled"))).toBe(true);
    expect(justFinished(progress("details"), progress("finalizing"))).toBe(false);
    expect(justFinished(progress("done"), progress("done"))).toBe(false);
    expect(justFinished(null, progress("done"))).toBe(false);
  });
});
