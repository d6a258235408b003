import { describe, expect, it } from "vitest";
import { tileLaps } from "./laps";

describe("tileLaps", () => {
  it("fills gaps before, between and after laps", () => {
    expect(tileLaps([{ start: 60, end: 120, name: "A" }, { start: 180, end: 240, name: "B" }], 300)).toEqual([
      { start: 0, end: 60, name: null },
      { start: 60, end: 120, name: "A" },
      { start: 120, end: 180, name: null },
      { start: 180, end: 240, name: "B" },
      { start: 240, end: 300, name: null },
    ]);
  });

  it("sorts, trims overlaps (the earlier lap keeps them), clips to the ride and rounds to whole seconds", () => {
    expect(
      tileLaps(
        [
          { start: 100.4, end: 400, name: "late" },
          { start: -10, end: 150, name: "early" },
          { start: 120, end: 130, name: "inside" },
        ],
        300,
      ),
    ).toEqual([
      { start: 0, end: 150, name: "early" },
      { start: 150, end: 300, name: "late" },
    ]);
  });

  it("no laps → one lap for the ride; an empty ride → none", () => {
    expect(tileLaps([], 90)).toEqual([{ start: 0, end: 90, name: null }]);
    expect(tileLaps([{ start: 0, end: 10, name: "x" }], 0)).toEqual([]);
  });
});
