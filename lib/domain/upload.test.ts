import { describe, expect, it } from "vitest";
import { toPushView, type UploadRowLike } from "./upload";

const row = (over: Partial<UploadRowLike>): UploadRowLike => ({
  state: "queued",
  trigger: "manual",
  tpWorkoutId: null,
  tpWorkoutUrl: null,
  linkedExisting: false,
  errorCode: null,
  lastError: null,
  nextAttemptAt: null,
  leaseExpiresAt: null,
  updatedAt: new Date("2026-11-20T10:00:00Z"),
  ...over,
});

describe("push view", () => {
  it("offers Send for a workout never sent, and not once it is done", () => {
    expect(toPushView(null)).toMatchObject({ state: "not_sent", canSend: true });
    expect(toPushView(row({ state: "done", tpWorkoutId: "3500000001" }))).toMatchObject({ state: "done", canSend: false, tpWorkoutId: "3500000001" });
  });

  it("lets the user retry a failure, except when the workout has nothing to send", () => {
    expect(toPushView(row({ state: "failed", errorCode: "unavailable" })).canSend).toBe(true);
    expect(toPushView(row({ state: "failed", errorCode: "no_samples" })).canSend).toBe(false);
    expect(toPushView(row({ state: "failed", errorCode: "something-new" })).errorCode).toBe("internal");
  });

  it("holds the button while an upload's lease is live, and frees it once the lease ran out", () => {
    const now = Date.parse("2026-11-20T10:00:30Z");
    expect(toPushView(row({ state: "uploading", leaseExpiresAt: new Date(now + 60_000) }), now).canSend).toBe(false);
    expect(toPushView(row({ state: "uploading", leaseExpiresAt: new Date(now - 1) }), now).canSend).toBe(true);
  });

  it("reports the wait TrainingPeaks asked for", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(toPushView(row({ state: "failed", errorCode: "rate_limited", nextAttemptAt: new Date(now + 119_500) }), now).retryAfterSeconds).toBe(120);
  });
});
