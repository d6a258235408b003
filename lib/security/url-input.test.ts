import { describe, expect, it } from "vitest";
import { badPageInput, isHistoryCursor } from "./url-input";

const q = (s: string) => new URLSearchParams(s);

describe("badPageInput", () => {
  it("refuses impossible dates with a message naming the parameter", () => {
    expect(badPageInput("/calendar", q("date=2026-02-31"))).toBe('"date" must be a calendar date as YYYY-MM-DD, such as 2026-03-31.');
    expect(badPageInput("/fitness", q("range=custom&from=yesterday&to=2026-01-01"))).toMatch(/^"from" must be a calendar date/);
    expect(badPageInput("/power", q("compare=custom&cfrom=2026-01-01&cto=2026-13-01"))).toMatch(/^"cto"/);
    expect(badPageInput("/workouts", q("from=2026-1-1"))).toBe('"from": Dates are written as year-month-day (2026-05-02).');
  });

  it("refuses unknown choices and cursors AutoCoach did not write", () => {
    expect(badPageInput("/calendar", q("view=year"))).toBe('"view" must be one of: month, week.');
    expect(badPageInput("/fitness", q("range=forever"))).toMatch(/^"range" must be one of: 30d, 90d/);
    expect(badPageInput("/workouts", q("cursor=%27%20OR%201%3D1"))).toMatch(/^"cursor" is not a page link/);
    expect(badPageInput("/workouts", q("sort=random"))).toMatch(/^"sort"/);
  });

  it("accepts good input, no input, and pages without checks", () => {
    const cursor = Buffer.from(JSON.stringify({ v: 1_700_000_000_000, id: "abc" })).toString("base64url");
    expect(isHistoryCursor(cursor)).toBe(true);
    expect(badPageInput("/workouts", q(`cursor=${cursor}&discipline=cycling&sort=output&dir=asc`))).toBeNull();
    expect(badPageInput("/calendar", q("date=2024-02-29&view=week"))).toBeNull();
    expect(badPageInput("/power", q("sport=run&range=custom&from=2026-01-01&to=2026-02-01&compare=year"))).toBeNull();
    expect(badPageInput("/fitness", q(""))).toBeNull();
    // The filter and range forms send empty fields for "All" and for unused dates.
    expect(badPageInput("/workouts", q("discipline=&instructor=abc123&type=&cursor="))).toBeNull();
    expect(badPageInput("/fitness", q("range=90d&from=&to="))).toBeNull();
    expect(badPageInput("/dashboard", q("date=nonsense"))).toBeNull();
  });
});
