import { describe, expect, it } from "vitest";
import { historyPageLinks, parseHistorySearch } from "./workout-history";

describe("parseHistorySearch", () => {
  it("takes the first of a repeated parameter, drops empty ones and applies the defaults", () => {
    const r = parseHistorySearch({ discipline: ["cycling", "running"], q: "", length: "45" });
    expect(r.params).toEqual({ discipline: "cycling", length: "45" });
    expect(r.filters).toMatchObject({ discipline: "cycling", length: 45, sort: "date", dir: "desc" });
    expect(r.ignored).toBeNull();
  });

  it("ignores filters that don't parse and says why", () => {
    const r = parseHistorySearch({ from: "yesterday", discipline: "cycling" });
    expect(r.filters).toEqual({ sort: "date", dir: "desc" });
    expect(r.ignored).toBe("Use a date as YYYY-MM-DD");
  });
});

describe("historyPageLinks", () => {
  it("keeps the filters, replaces the cursor on the next link and drops it on the first", () => {
    const links = historyPageLinks({ discipline: "cycling", cursor: "abc" }, "def");
    expect(links).toEqual({ first: "/workouts?discipline=cycling", next: "/workouts?discipline=cycling&cursor=def" });
  });

  it("has no next link on the last page", () => {
    expect(historyPageLinks({}, null)).toEqual({ first: "/workouts?", next: null });
  });
});
