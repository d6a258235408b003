import { describe, expect, it } from "vitest";
import { parseThresholdInput } from "./threshold-input";

describe("threshold input", () => {
  it("reads watts and bpm as whole numbers", () => {
    expect(parseThresholdInput("ftp", " 250 ", "metric")).toEqual({ ok: true, value: 250 });
    expect(parseThresholdInput("threshold_hr", "167.6", "metric")).toEqual({ ok: true, value: 168 });
  });

  it("reads a run pace per km or per mile into metres per second", () => {
    const km = parseThresholdInput("run_pace", "4:30", "metric");
    expect(km.ok && km.value).toBeCloseTo(1000 / 270, 9);
    const mile = parseThresholdInput("run_pace", "7:15", "imperial");
    expect(mile.ok && mile.value).toBeCloseTo(1609.344 / 435, 9);
  });

  it("reads a rowing split per 500 m in seconds", () => {
    expect(parseThresholdInput("row_split", "2:05", "metric")).toEqual({ ok: true, value: 125 });
  });

  it("explains what it expected, and the accepted range", () => {
    expect(parseThresholdInput("run_pace", "fast", "metric")).toEqual({ ok: false, message: "Enter threshold run pace as min:s per km, e.g. 4:30." });
    expect(parseThresholdInput("ftp", "", "metric")).toMatchObject({ ok: false });
    expect(parseThresholdInput("ftp", "900", "metric")).toEqual({ ok: false, message: "FTP must be between 50 W and 700 W." });
    expect(parseThresholdInput("run_pace", "12:00", "metric")).toEqual({ ok: false, message: "Threshold run pace must be between 10:00 /km and 2:30 /km." });
  });
});
