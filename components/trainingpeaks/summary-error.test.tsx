import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { Failure } from "@/lib/errors/result";

vi.mock("@/actions/session", () => ({ signInWithTrainingPeaks: async () => {} }));
const { SummaryError } = await import("./summary-error");

const disconnected: Failure = { ok: false, code: "trainingpeaks.disconnected", message: "TrainingPeaks is not connected. Sign in with TrainingPeaks to connect it." };
const unavailable: Failure = { ok: false, code: "trainingpeaks.unavailable", message: "TrainingPeaks is having trouble (HTTP 503). Try again later." };

describe("SummaryError", () => {
  it("leaves a lost TrainingPeaks connection to the shell's banner when it shows, so a page says it once", () => {
    expect(renderToStaticMarkup(<SummaryError error={disconnected} bannerShown />)).toBe("");
  });

  it("says it, with the reconnect button, when the banner does not (access lost during this request)", () => {
    const html = renderToStaticMarkup(<SummaryError error={disconnected} bannerShown={false} />);
    expect(html).toContain("Reconnect TrainingPeaks");
    expect(html).toContain("TrainingPeaks is not connected.");
  });

  it("reports other failures whatever the banner", () => {
    expect(renderToStaticMarkup(<SummaryError error={unavailable} bannerShown />)).toContain("Couldn&#x27;t load your TrainingPeaks profile");
  });
});
