import { describe, expect, it } from "vitest";
import { disciplineFromSlug, disciplineSlug } from "./discipline-slug";
import { historyPageLinks, parseHistorySearch, searchWords } from "./workout-history";

describe("parseHistorySearch", () => {
  it("takes the first of a repeated parameter, drops empty ones and applies the defaults", () => {
    const r = parseHistorySearch({ discipline: ["cycling", "running"], q: "", length: "45" });
    expect(r.params).toEqual({ discipline: "cycling", length: "45" });
    expect(r.filters).toMatchObject({ discipline: "cycling", length: 45, sort: "date", dir: "desc" });
    expect(r.ignored).toBeNull();
  });

  it("ignores filters that don't parse and says why in a sentence", () => {
    const r = parseHistorySearch({ from: "yesterday", discipline: "cycling" });
    expect(r.filters).toEqual({ sort: "date", dir: "desc" });
    expect(r.ignored).toBe("Dates are written as year-month-day (2026-05-02). The filters were left out.");
    expect(parseHistorySearch({ length: "999" }).ignored).toBe("Length can be at most 240. The filters were left out.");
  });

  it("leaves a reversed date range out with a clear message and keeps the other filters", () => {
    const r = parseHistorySearch({ from: "2026-05-10", to: "2026-05-01", discipline: "cycling" });
    expect(r.filters).toMatchObject({ discipline: "cycling", from: undefined, to: undefined });
    expect(r.params).toEqual({ discipline: "cycling" });
    expect(r.ignored).toMatch(/“From” date \(2026-05-10\) is after the “To” date \(2026-05-01\)/);
    expect(parseHistorySearch({ from: "2026-05-01", to: "2026-05-01" }).ignored).toBeNull();
  });

  it("reads disciplines by their readable name, and still by Peloton's code", () => {
    expect(parseHistorySearch({ discipline: "rowing" }).filters.discipline).toBe("caesar");
    expect(parseHistorySearch({ discipline: "bike-bootcamp" }).filters.discipline).toBe("bike_bootcamp");
    expect(parseHistorySearch({ discipline: "caesar" }).filters.discipline).toBe("caesar");
  });
});

describe("disciplineSlug", () => {
  it("has no internal codes and round-trips", () => {
    for (const code of ["caesar", "caesar_bootcamp", "bike_bootcamp", "circuit", "cycling"]) {
      expect(disciplineSlug(code)).not.toMatch(/caesar|_/);
      expect(disciplineFromSlug(disciplineSlug(code))).toBe(code);
    }
  });
});

describe("searchWords", () => {
  it("splits a search into words that each must match", () => {
    expect(searchWords("  pow   zone ")).toEqual(["pow", "zone"]);
    expect(searchWords(undefined)).toEqual([]);
  });
});

describe("historyPageLinks", () => {
  it("keeps the filters, replaces the cursor on the next link and drops it on the first", () => {
    const links = historyPageLinks({ discipline: "cycling", cursor: "abc" }, "def");
    expect(links).toEqual({ first: "/workouts?discipline=cycling", next: "/workouts?discipline=cycling&cursor=def", prev: null });
  });

  it("links the previous page with `before`, never with both positions", () => {
    const links = historyPageLinks({ before: "x", cursor: "y", q: "pz" }, "n", "p");
    expect(links).toEqual({ first: "/workouts?q=pz", next: "/workouts?q=pz&cursor=n", prev: "/workouts?q=pz&before=p" });
  });

  it("has no next link on the last page", () => {
    expect(historyPageLinks({}, null)).toEqual({ first: "/workouts?", next: null, prev: null });
  });
});
