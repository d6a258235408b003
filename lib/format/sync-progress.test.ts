import { describe, expect, it } from "vitest";
import type { SyncProgress } from "@/lib/domain/sync";
import { describeProgress, formatEta } from "./sync-progress";

const base: SyncProgress = {
  jobId: "j", kind: "full", phase: "details", total: 320, done: 160, failed: 0, remoteTotal: 320, listComplete: true,
  ratePerMinute: 120, etaSeconds: 80, lastError: null, pauseReason: null, resumeAfter: null,
  startedAt: "2026-11-22T00:00:00Z", finishedAt: null, requests: 500, steps: 3,
};

describe("sync progress wording", () => {
  it("shows counts, percent, rate and ETA while downloading", () => {
    const v = describeProgress(base);
    expect(v).toMatchObject({ label: "Downloading workout data", percent: 50, counts: "160 of 320 workouts synced", tone: "running" });
    expect(v.detail).toBe("120 workouts/min · about 2 min left");
  });

  it("has no percent until the list is complete", () => {
    expect(describeProgress({ ...base, phase: "listing", listComplete: false, total: 200, done: 0 }).percent).toBeNull();
    expect(describeProgress({ ...base, phase: "listing", listComplete: false, total: 200, done: 0 }).counts).toBe("200 of 320 workouts found");
  });

  it("explains pauses", () => {
    expect(describeProgress({ ...base, phase: "paused", pauseReason: "reconnect_required" }).detail).toMatch(/reconnect/);
    const now = Date.parse("2026-11-22T00:00:00Z");
    expect(describeProgress({ ...base, phase: "paused", pauseReason: "rate_limited", resumeAfter: "2026-11-22T00:03:00Z" }, now).detail).toMatch(/about 3 min/);
  });

  it("reports failures at the end", () => {
    expect(describeProgress({ ...base, phase: "done", done: 318, failed: 2 })).toMatchObject({ percent: 100, tone: "done" });
    expect(describeProgress({ ...base, phase: "done", done: 318, failed: 2 }).detail).toMatch(/2 workouts could not/);
  });

  it("formats ETAs", () => {
    expect(formatEta(30)).toBe("less than a minute left");
    expect(formatEta(7200)).toBe("about 2 h 0 min left");
    expect(formatEta(null)).toBeNull();
  });
});
