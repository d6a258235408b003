import { describe, expect, it } from "vitest";
import { loginFacts } from "@/test/failures";
import { FAKE_BASE, FAKE_MEMBER, FakeAuth0, html, json, redirect, type FakeAuth0Options } from "../__fixtures__/fake-auth0";
import type { LoginStepEvent } from "./login-flow";
import { loginWithPassword } from "./login";

function setup(override: FakeAuth0Options["override"], member = FAKE_MEMBER) {
  const fake = new FakeAuth0({ override });
  const steps: LoginStepEvent[] = [];
  const run = async (extra: { timeoutMs?: number; signal?: AbortSignal } = {}) => {
    const error = await loginWithPassword({ ...member, authBaseUrl: FAKE_BASE, fetchImpl: fake.fetch, onStep: (s) => steps.push(s), ...extra }).then(
      () => undefined,
      (e: unknown) => e,
    );
    return error;
  };
  const fail = async (extra: { timeoutMs?: number } = {}) => {
    const error = loginFacts(await run(extra));
    if (member.password) expect(error.message).not.toContain(member.password);
    expect(error.message).not.toContain(member.email);
    return error;
  };
  return { fake, steps, fail, run };
}

const on = (method: string, path: string, response: () => Response): FakeAuth0Options["override"] => (r) =>
  r.method === method && r.url.pathname === path ? response() : undefined;

describe("loginWithPassword: typed failures", () => {
  it("wrong password (401 invalid_user_password) → invalid_credentials, tried once", async () => {
    const { fake, fail } = setup(undefined, { ...FAKE_MEMBER, password: "wrong-password-123" });
    const error = await fail();
    expect(error).toMatchObject({ code: "invalid_credentials", step: "credentials", status: 401, retryable: false });
    expect(error.message).toMatch(/did not accept that email and password/);
    expect(fake.to("/usernamepassword/login")).toHaveLength(1);
    expect(fake.to("/oauth/token")).toHaveLength(0);
  });

  it("too_many_attempts (429) → account_locked with the wait, never retried", async () => {
    const { fake, fail } = setup(
      on("POST", "/usernamepassword/login", () =>
        json(429, { name: "AnomalyDetected", code: "too_many_attempts", description: "Your account has been blocked after multiple consecutive login attempts." }, { "retry-after": "900" }),
      ),
    );
    const error = await fail();
    expect(error).toMatchObject({ code: "account_locked", status: 429, retryAfterSeconds: 900, retryable: false });
    expect(error.message).toMatch(/blocked sign-in.*about 15 minutes.*will not retry/s);
    expect(fake.to("/usernamepassword/login")).toHaveLength(1);
  });

  it("blocked_user (401) → account_locked without a known time", async () => {
    const { fail } = setup(on("POST", "/usernamepassword/login", () => json(401, { code: "blocked_user", description: "user is blocked" })));
    const error = await fail();
    expect(error).toMatchObject({ code: "account_locked", retryAfterSeconds: undefined });
    expect(error.message).toMatch(/a while/);
  });

  it("an MFA page instead of the hidden form → verification_required", async () => {
    const { fake, fail } = setup(
      on("POST", "/usernamepassword/login", () => html('<html><h1>Verify Your Identity</h1><form action="/u/mfa-otp-challenge"><input name="code"></form></html>')),
    );
    const error = await fail();
    expect(error).toMatchObject({ code: "verification_required", step: "credentials" });
    expect(error.message).toMatch(/extra verification step/);
    expect(fake.to("/login/callback")).toHaveLength(0);
  });

  it("an mfa_required error body or an MFA hop in the chain → verification_required", async () => {
    const first = setup(on("POST", "/usernamepassword/login", () => json(403, { error: "mfa_required", error_description: "Multifactor authentication required" })));
    expect((await first.fail()).code).toBe("verification_required");
    const second = setup((r) => {
      if (r.url.pathname === "/continue") return redirect("/u/mfa-otp-challenge?state=abc");
      if (r.url.pathname === "/u/mfa-otp-challenge") return html("<h1>Enter the code</h1>");
      return undefined;
    });
    expect(await second.fail()).toMatchObject({ code: "verification_required", step: "redirect" });
  });

  it("no _csrf cookie → login_page_changed naming the step and the missing field; credentials never sent", async () => {
    const { fake, fail } = setup((r, f) => (r.url.pathname === "/login" ? html(f.loginPage()) : undefined));
    const error = await fail();
    expect(error).toMatchObject({ code: "login_page_changed", step: "login_page", status: 200, observed: "no _csrf cookie for /usernamepassword/login" });
    expect(error.message).toMatch(/Peloton changed its sign-in page.*reading the sign-in page; HTTP 200; no _csrf cookie/);
    expect(fake.to("/usernamepassword/login")).toHaveLength(0);
  });

  it("no transaction state anywhere → login_page_changed", async () => {
    const { fail } = setup((r) => {
      if (r.url.pathname === "/authorize") return redirect("/login?client=x");
      if (r.url.pathname === "/login") return html("<html></html>", ["_csrf=c; Path=/usernamepassword/login; Secure"]);
      return undefined;
    });
    expect(await fail()).toMatchObject({ code: "login_page_changed", step: "login_page", observed: "injectedConfig missing" });
  });

  it("403 Invalid state from Auth0 → login_page_changed with the Auth0 code", async () => {
    const { fail } = setup(
      on("POST", "/usernamepassword/login", () => json(403, { statusCode: 403, description: "Invalid state", name: "AnomalyDetected", code: "access_denied" })),
    );
    expect(await fail()).toMatchObject({ code: "login_page_changed", step: "credentials", status: 403, observed: 'Auth0 error "access_denied"' });
  });

  it("a hidden form posting somewhere else → login_page_changed", async () => {
    const { fail } = setup(
      on("POST", "/usernamepassword/login", () => html('<form method="post" action="https://evil.example/login/callback"><input type="hidden" name="wresult" value="x"></form>')),
    );
    expect(await fail()).toMatchObject({ code: "login_page_changed", observed: "the form posts to evil.example/login/callback" });
  });

  it("a hidden form without wresult → login_page_changed", async () => {
    const { fail } = setup(on("POST", "/usernamepassword/login", () => html(`<form method="post" action="${FAKE_BASE}/login/callback"><input type="hidden" name="wa" value="wsignin1.0"></form>`)));
    expect(await fail()).toMatchObject({ code: "login_page_changed", observed: "hidden form without wresult" });
  });

  it("a returned state that is not ours → state_mismatch, no token exchange", async () => {
    const { fake, fail } = setup((r, f) =>
      r.url.pathname === "/authorize/resume" && f.to("/authorize/resume").length > 1 ? redirect(`https://members.onepeloton.com/callback?code=${f.code}&state=someone-else`) : undefined,
    );
    const error = await fail();
    expect(error).toMatchObject({ code: "state_mismatch", step: "redirect" });
    expect(fake.to("/oauth/token")).toHaveLength(0);
  });

  it("a 13-hop redirect loop → too_many_redirects after 12 hops", async () => {
    const { fake, fail } = setup((r) => {
      if (r.url.pathname === "/login/callback") return redirect("/loop?n=1");
      if (r.url.pathname === "/loop") return redirect(`/loop?n=${Number(r.url.searchParams.get("n")) + 1}`);
      return undefined;
    });
    const error = await fail();
    expect(error).toMatchObject({ code: "too_many_redirects", step: "callback" });
    expect(fake.to("/loop")).toHaveLength(12);
  });

  it("exactly 12 redirects ending with the code still succeed", async () => {
    const { fake, run } = setup((r, f) => {
      if (r.url.pathname === "/login/callback") return redirect("/loop?n=1");
      const n = Number(r.url.searchParams.get("n"));
      if (r.url.pathname === "/loop") return n < 11 ? redirect(`/loop?n=${n + 1}`) : f.appRedirect();
      return undefined;
    });
    expect(await run()).toBeUndefined();
    expect(fake.to("/loop")).toHaveLength(11);
  });

  it("a network error → unavailable, reported as status 0", async () => {
    const { steps, fail } = setup((r) => {
      if (r.url.pathname === "/authorize") throw new TypeError("fetch failed");
      return undefined;
    });
    const error = await fail();
    expect(error).toMatchObject({ code: "unavailable", step: "authorize", observed: "network error", retryable: true });
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(steps).toEqual([expect.objectContaining({ name: "authorize", status: 0 })]);
  });

  it("a hop that never answers → unavailable after the timeout", async () => {
    let calls = 0;
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        calls += 1;
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const error = loginFacts(await loginWithPassword({ ...FAKE_MEMBER, authBaseUrl: FAKE_BASE, fetchImpl: hang, timeoutMs: 30 }).catch((e: unknown) => e));
    expect(error).toMatchObject({ code: "unavailable", step: "authorize", observed: "no answer in time" });
    expect(calls).toBe(1);
  });

  it("a caller abort is passed through, not turned into a login error", async () => {
    const controller = new AbortController();
    const { run } = setup((r) => {
      if (r.url.pathname === "/login") {
        controller.abort(new Error("caller gave up"));
        throw new DOMException("aborted", "AbortError");
      }
      return undefined;
    });
    const error = await run({ signal: controller.signal });
    expect(error).toBeInstanceOf(DOMException);
  });

  it("Cloudflare 1015 (429 text) → rate_limited with Retry-After", async () => {
    const { fail } = setup(
      on("GET", "/authorize", () => new Response("error code: 1015", { status: 429, headers: { "content-type": "text/plain", "retry-after": "120" } })),
    );
    const error = await fail();
    expect(error).toMatchObject({ code: "rate_limited", step: "authorize", status: 429, retryAfterSeconds: 120, observed: "Cloudflare error 1015" });
    expect(error.message).toMatch(/about 2 minutes/);
  });

  it("a 5xx → unavailable", async () => {
    const { fail } = setup(on("GET", "/login", () => html("<h1>Service Unavailable</h1>", [], 503)));
    expect(await fail()).toMatchObject({ code: "unavailable", step: "login_page", status: 503 });
  });

  it("an OAuth error on the redirect → typed by its code, description never echoed", async () => {
    const { fail } = setup(
      on("POST", "/login/callback", () => redirect("https://members.onepeloton.com/callback?error=access_denied&error_description=user%20blocked%20synthetic%40example.invalid&state=x")),
    );
    const error = await fail();
    expect(error).toMatchObject({ code: "account_locked", observed: "access_denied" });
    expect(error.message).not.toContain("synthetic");
  });

  it("a redirect off Peloton's hosts is not followed", async () => {
    const { fake, fail } = setup(on("POST", "/login/callback", () => redirect("https://evil.example/steal")));
    expect(await fail()).toMatchObject({ code: "login_page_changed", observed: "redirected off Peloton to evil.example" });
    expect(fake.requests.some((r) => r.url.host === "evil.example")).toBe(false);
  });

  it("a rejected code at /oauth/token → login_page_changed at token_exchange", async () => {
    const { fail } = setup(on("POST", "/oauth/token", () => json(403, { error: "invalid_grant", error_description: "Invalid authorization code" })));
    expect(await fail()).toMatchObject({ code: "login_page_changed", step: "token_exchange", status: 403, observed: 'Auth0 error "invalid_grant"' });
  });

  it("an empty password fails without touching the network", async () => {
    const { fake, fail } = setup(undefined, { ...FAKE_MEMBER, password: "" });
    expect((await fail()).code).toBe("invalid_credentials");
    expect(fake.requests).toHaveLength(0);
  });
});
