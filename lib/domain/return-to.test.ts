import { describe, expect, it } from "vitest";
import { safeReturnTo, signInPath } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnTo("/workouts/abc123")).toBe("/workouts/abc123");
    expect(safeReturnTo("/workouts?type=Power+Zone&q=pz%20ride")).toBe("/workouts?type=Power+Zone&q=pz%20ride");
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/signin?callbackUrl=/x", "/api/auth/signout", 42, undefined]) {
      expect(safeReturnTo(bad)).toBeNull();
    }
  });
});

describe("signInPath", () => {
  it("carries the deep link as callbackUrl", () => {
    expect(signInPath("/workouts/abc?x=1")).toBe("/signin?callbackUrl=%2Fworkouts%2Fabc%3Fx%3D1");
    expect(signInPath("/calendar", "session_expired")).toBe("/signin?reason=session_expired&callbackUrl=%2Fcalendar");
    expect(signInPath("/dashboard")).toBe("/signin");
    expect(signInPath(null)).toBe("/signin");
  });
});
