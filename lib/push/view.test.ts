import { describe, expect, it } from "vitest";
import { isCompatibleTpType, toPushView, tpUploadType, type UploadRowLike } from "./view";
import { pickSameSession } from "./find-existing";
import type { TrainingPeaksActivity } from "@/lib/integrations/trainingpeaks/transform";

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

  it("maps sports to TrainingPeaks types both ways", () => {
    expect(tpUploadType("cycling")).toBe("bike");
    expect(tpUploadType("rowing")).toBe("rowing");
    expect(tpUploadType("training")).toBe("other");
    expect(isCompatibleTpType("cycling", "MTB")).toBe(true);
    expect(isCompatibleTpType("cycling", "Run")).toBe(false);
    expect(isCompatibleTpType("training", "Strength")).toBe(true);
  });
});

const activity = (over: Partial<TrainingPeaksActivity>): TrainingPeaksActivity => ({
  id: "1",
  day: "2026-11-20",
  startTime: "2026-11-20T06:30:00",
  startTimeLocal: "2026-11-20T06:30:00",
  title: "Ride",
  type: "Bike",
  completed: true,
  durationSeconds: 3600,
  plannedDurationSeconds: null,
  distanceMeters: null,
  tss: null,
  intensityFactor: null,
  avgPower: null,
  maxPower: null,
  normalizedPower: null,
  avgHeartRate: null,
  avgCadence: null,
  calories: null,
  url: null,
  ...over,
});

describe("finding the same session on TrainingPeaks", () => {
  it("picks the closest completed activity of a compatible type within the tolerance", () => {
    const list = [
      activity({ id: "far", startTimeLocal: "2026-11-20T06:33:00" }),
      activity({ id: "near", startTimeLocal: "2026-11-20T06:31:10" }),
      activity({ id: "run", type: "Run" }),
      activity({ id: "planned", completed: false, startTimeLocal: null }),
    ];
    expect(pickSameSession(list, "2026-11-20T06:30:00", "cycling")?.id).toBe("near");
    expect(pickSameSession(list, "2026-11-20T06:30:00", "running")?.id).toBe("run");
    expect(pickSameSession(list, "2026-11-20T07:30:00", "cycling")).toBeNull();
  });

  it("matches across midnight", () => {
    expect(pickSameSession([activity({ startTimeLocal: "2026-11-21T00:00:30" })], "2026-11-20T23:59:40", "cycling")).not.toBeNull();
  });
});
