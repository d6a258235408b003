import { describe, expect, it } from "vitest";
import { noFileMessage, noSamplesMessage, showsFtp } from "./workout-labels";

describe("workout labels", () => {
  it("shows an FTP on rides only", () => {
    expect(showsFtp("cycling")).toBe(true);
    expect(showsFtp("bike_bootcamp")).toBe(true);
    expect(showsFtp("yoga")).toBe(false);
    expect(showsFtp("running")).toBe(false);
    expect(showsFtp("meditation")).toBe(false);
  });

  it("says in words why a strength or meditation class has no charts", () => {
    expect(noSamplesMessage("strength", "complete")).toBe(
      "Peloton records no second-by-second metrics for strength classes, so this workout has its time and totals but no charts.",
    );
    expect(noSamplesMessage("meditation", "complete")).toMatch(/meditation classes/);
    expect(noSamplesMessage("cycling", "pending")).toMatch(/still syncing/);
    expect(noSamplesMessage("cycling", "complete")).not.toMatch(/yet/);
    expect(noFileMessage("yoga", "complete")).toMatch(/yoga classes.*no file to send/);
  });
});
