import { describe, expect, it } from "vitest";
import { ProviderError } from "@/server/http/request";
import { isPelotonLoginError, loginErrorFromProviderError, loginErrorToProviderError, PelotonLoginError, type PelotonLoginErrorCode } from "./login-errors";

const CODES: Array<[PelotonLoginErrorCode, string, boolean]> = [
  ["invalid_credentials", "disconnected", false],
  ["account_locked", "forbidden", false],
  ["verification_required", "forbidden", false],
  ["login_page_changed", "bad_response", false],
  ["rate_limited", "rate_limited", true],
  ["unavailable", "unavailable", true],
  ["state_mismatch", "bad_response", true],
  ["too_many_redirects", "bad_response", false],
];

describe("PelotonLoginError", () => {
  it.each(CODES)("%s → ProviderError %s, retryable=%s, with a user message", (code, providerCode, retryable) => {
    const error = new PelotonLoginError(code, { step: "credentials", status: 429, retryAfterSeconds: 90 });
    expect(error.retryable).toBe(retryable);
    expect(error.message.length).toBeGreaterThan(40);
    expect(isPelotonLoginError(error, code)).toBe(true);
    const mapped = loginErrorToProviderError(error);
    expect(mapped).toBeInstanceOf(ProviderError);
    expect(mapped).toMatchObject({ provider: "peloton", code: providerCode, message: error.message, status: 429, retryAfterSeconds: 90 });
    expect(mapped.cause).toBe(error);
  });

  it("says what was seen when the page changed", () => {
    const error = new PelotonLoginError("login_page_changed", { step: "login_page", status: 200, observed: "no _csrf cookie" });
    expect(error.message).toBe(
      "Peloton changed its sign-in page, so AutoCoach could not sign in (while reading the sign-in page; HTTP 200; no _csrf cookie). Your password was not the problem; AutoCoach needs an update. Please try again later.",
    );
  });

  it("tells a locked-out user when to come back, if known", () => {
    expect(new PelotonLoginError("account_locked", { retryAfterSeconds: 3600 }).message).toContain("about 60 minutes");
    expect(new PelotonLoginError("rate_limited").message).toContain("a few minutes");
    expect(new PelotonLoginError("verification_required").message).toMatch(/cannot complete that step/);
  });

  it("maps ProviderErrors met during the login", () => {
    const rate = loginErrorFromProviderError(new ProviderError("peloton", "rate_limited", "x", { status: 429, retryAfterSeconds: 5 }), "authorize");
    expect(rate).toMatchObject({ code: "rate_limited", step: "authorize", retryAfterSeconds: 5 });
    expect(loginErrorFromProviderError(new ProviderError("peloton", "unavailable", "x"), "redirect").code).toBe("unavailable");
    expect(loginErrorFromProviderError(new ProviderError("peloton", "not_found", "x", { status: 404 }), "login_page")).toMatchObject({
      code: "login_page_changed",
      status: 404,
      observed: "unexpected not_found answer",
    });
  });
});
