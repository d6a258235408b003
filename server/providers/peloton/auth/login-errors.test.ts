import { describe, expect, it } from "vitest";
import { isAppError, providerError } from "@/lib/errors/app-error";
import { loginFacts, providerFacts } from "@/test/failures";
import { isLoginError, loginError, loginErrorAsProviderFailure, loginErrorFromProviderFailure, type PelotonLoginErrorCode } from "./login-errors";

const CODES: Array<[PelotonLoginErrorCode, string, string, boolean]> = [
  ["invalid_credentials", "peloton.bad_credentials", "disconnected", false],
  ["account_locked", "peloton.account_locked", "forbidden", false],
  ["verification_required", "peloton.verification_required", "forbidden", false],
  ["login_page_changed", "peloton.login_page_changed", "bad_response", false],
  ["rate_limited", "peloton.rate_limited", "rate_limited", true],
  ["unavailable", "peloton.unavailable", "unavailable", true],
  ["state_mismatch", "peloton.state_mismatch", "bad_response", true],
  ["too_many_redirects", "peloton.too_many_redirects", "bad_response", false],
];

describe("Peloton login errors", () => {
  it.each(CODES)("%s is %s, maps to the provider reason %s, retryable=%s, with a user message", (kind, code, reason, retryable) => {
    const error = loginError(kind, { step: "credentials", status: 429, retryAfterSeconds: 90 });
    expect(isAppError(error, code as Parameters<typeof isAppError>[1])).toBe(true);
    expect(loginFacts(error)).toMatchObject({ code: kind, step: "credentials", status: 429, retryable });
    expect(error.message.length).toBeGreaterThan(40);
    expect(isLoginError(error, kind)).toBe(true);
    const mapped = loginErrorAsProviderFailure(error);
    expect(providerFacts(mapped)).toMatchObject({ provider: "peloton", code: reason, message: error.message, status: 429, retryAfterSeconds: 90 });
    expect(mapped.cause).toBe(error);
  });

  it("says what was seen when the page changed", () => {
    const error = loginError("login_page_changed", { step: "login_page", status: 200, observed: "no _csrf cookie" });
    expect(error.message).toBe(
      "Peloton changed its sign-in page, so AutoCoach could not sign in (while reading the sign-in page; HTTP 200; no _csrf cookie). Your password was not the problem; AutoCoach needs an update. Please try again later.",
    );
  });

  it("tells a locked-out user when to come back, if known", () => {
    expect(loginError("account_locked", { retryAfterSeconds: 3600 }).message).toContain("about 60 minutes");
    expect(loginError("rate_limited").message).toContain("a few minutes");
    expect(loginError("verification_required").message).toMatch(/cannot complete that step/);
  });

  it("maps provider failures met during the login", () => {
    const rate = loginErrorFromProviderFailure(providerError("peloton", "rate_limited", "x", { upstreamStatus: 429, retryAfterSeconds: 5 }), "authorize");
    expect(loginFacts(rate)).toMatchObject({ code: "rate_limited", step: "authorize", retryAfterSeconds: 5 });
    expect(loginFacts(loginErrorFromProviderFailure(providerError("peloton", "unavailable", "x"), "redirect")).code).toBe("unavailable");
    expect(loginFacts(loginErrorFromProviderFailure(providerError("peloton", "not_found", "x", { upstreamStatus: 404 }), "login_page"))).toMatchObject({
      code: "login_page_changed",
      status: 404,
      observed: "unexpected not_found answer",
    });
  });
});
