import { describe, expect, it } from "vitest";
import { isDeleteConfirmation } from "./account";
import { otherAccountLabel } from "./peloton-connection";
import { trainingPeaksAccess } from "./trainingpeaks";

describe("account wording", () => {
  it("the delete confirmation ignores case and surrounding spaces, nothing else", () => {
    expect(isDeleteConfirmation("  Delete My Account ")).toBe(true);
    expect(isDeleteConfirmation("delete my acount")).toBe(false);
    expect(isDeleteConfirmation("")).toBe(false);
  });

  it("kept workouts are labelled with their account's name when known", () => {
    expect(otherAccountLabel({ username: "OtherRider" })).toBe("From Peloton account OtherRider");
    expect(otherAccountLabel({ username: null })).toBe("From an earlier Peloton account");
  });

  it("TrainingPeaks access: live only when active; otherwise one message that says uploads are paused", () => {
    const state = (status: "active" | "reauth_required" | "disconnected" | "missing") => trainingPeaksAccess({ status, lastError: null, scope: null });
    expect(state("active")).toEqual({ live: true });
    for (const status of ["reauth_required", "disconnected", "missing"] as const) {
      expect(state(status)).toMatchObject({ live: false, title: "Reconnect TrainingPeaks", detail: expect.stringMatching(/Auto-send and waiting uploads are paused/) });
    }
    expect(state("reauth_required")).toMatchObject({ detail: expect.stringMatching(/expired or was revoked/) });
    expect(state("missing")).toMatchObject({ reason: "TrainingPeaks is not connected." });
  });
});
