import { describe, expect, it } from "vitest";
import { AppError, fromFailure, isAppError, isProviderFailure, providerError } from "./app-error";
import { ERRORS, isErrorCode } from "./codes";

describe("AppError", () => {
  it("takes its HTTP status and default message from the code table", () => {
    const error = new AppError("workout.not_found");
    expect(error.status).toBe(404);
    expect(error.message).toBe(ERRORS["workout.not_found"].message);
    expect(error.exposed).toBe(true);
    expect(new AppError("internal").exposed).toBe(false);
  });

  it("gives every provider the same reasons, with the provider's name in the message", () => {
    const peloton = providerError("peloton", "rate_limited", undefined, { retryAfterSeconds: 30 });
    expect(peloton).toMatchObject({ code: "peloton.rate_limited", provider: "peloton", reason: "rate_limited", status: 429, retryAfterSeconds: 30 });
    expect(peloton.message).toBe("Peloton is rate limiting requests. Try again in a few minutes.");
    expect(providerError("trainingpeaks", "disconnected").message).toBe("TrainingPeaks needs you to connect your account again.");
    expect(isProviderFailure(peloton, "rate_limited")).toBe(true);
    expect(isProviderFailure(peloton, "unavailable")).toBe(false);
    expect(isProviderFailure(new AppError("peloton.bad_credentials"))).toBe(false);
  });

  it("is recognised by code or by area", () => {
    const fit = new AppError("fit.truncated", { message: "the header promises more bytes" });
    expect(isAppError(fit, "fit.truncated")).toBe(true);
    expect(isAppError(fit, "fit.")).toBe(true);
    expect(isAppError(fit, "peloton.")).toBe(false);
    expect(isAppError(new RangeError("x"))).toBe(false);
  });

  it("comes back from a failure that crossed the wire; an unknown code becomes internal", () => {
    const back = fromFailure({ code: "input.invalid", message: "Enter your email.", fields: { email: "Enter your email." } });
    expect(back).toMatchObject({ code: "input.invalid", status: 400, message: "Enter your email.", fields: { email: "Enter your email." } });
    expect(fromFailure({ code: "made.up", message: "?" }).code).toBe("internal");
    expect(isErrorCode("peloton.unavailable")).toBe(true);
    expect(isErrorCode("peloton.nope")).toBe(false);
  });

  it("every code has a status in the 4xx/5xx range and a message written as a sentence", () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.message, code).toMatch(/^[A-Z].*[.!]$/);
    }
  });
});
