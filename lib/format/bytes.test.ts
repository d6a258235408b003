import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [4200, "4.2 KB"],
    [13_700_000, "14 MB"],
    [2_500_000_000, "2.5 GB"],
  ])("%i → %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
