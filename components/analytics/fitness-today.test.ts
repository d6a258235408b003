import { describe, expect, it } from "vitest";
import { pendingScoresText, signedWhole } from "./fitness-today";

describe("fitness today's figures", () => {
  it("round before taking the sign: a ramp of −0.3 reads 0, not −0", () => {
    expect(signedWhole(-0.3)).toBe("0");
    expect(signedWhole(0.4)).toBe("0");
    expect(signedWhole(-0)).toBe("0");
    expect(signedWhole(5.6)).toBe("+6");
    expect(signedWhole(-2.5)).toBe("−2");
    expect(signedWhole(-12.7)).toBe("−13");
  });

  it("count the workouts waiting for a score with separators and the right number", () => {
    expect(pendingScoresText(3000)).toBe("3,000 workouts are still being scored. ");
    expect(pendingScoresText(1)).toBe("1 workout is still being scored. ");
  });
});
