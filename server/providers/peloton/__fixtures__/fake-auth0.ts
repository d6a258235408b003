import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * In-process fake of Peloton's Auth0 tenant for unit tests, scripted from docs/peloton-api.md §2 (hosts included: the chain crosses
 * auth-orca.onepeloton.com). `override` lets a test replace any answer to script a failure.
 */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export interface FakeAuth0Options {
  redirectChain?: "six-hop" | "one-hop";
  override?: (request: FakeRequest, fake: FakeAuth0) => Response | undefined;
}

export const FAKE_BASE = "https://auth.onepeloton.com";
export const FAKE_MEMBER = { email: "synthetic.rider@example.invalid", password: "correct horse battery staple" };
export const FAKE_USER_ID = "5f3c1a2b9d8e4f60a1b2c3d4e5f60718";
const TXN = "hKFo2SBGYWtlVHJhbnNhY3Rpb25TdGF0ZUZvclVuaXRUZXN0c6Fupwxsb2dpbqN0aWTZIGZha2UtdHhuLWlkLTAwMDAx";
const CSRF_COOKIE = "csrfCookieSecret-abc123";
const CSRF_PAGE = "csrfPageToken-def456";
const WRESULT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.c2ln";

const jsonObject = z.record(z.string(), z.unknown());
const field = (body: Record<string, unknown>, key: string) => (typeof body[key] === "string" ? body[key] : undefined);

export function base64url(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

export function fakeJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
}

export function redirect(location: string, status = 302, cookies: string[] = []): Response {
  const headers = new Headers({ location });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status, headers });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function html(body: string, cookies: string[] = [], status = 200): Response {
  const headers = new Headers({ "content-type": "text/html; charset=utf-8" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(body, { status, headers });
}

const encodeAttribute = (value: string) => value.replaceAll("&", "&amp;").replaceAll('"', "&#34;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export class FakeAuth0 {
  readonly requests: FakeRequest[] = [];
  clientState: string | undefined;
  nonce: string | undefined;
  challenge: string | undefined;
  code = "authcode-synthetic-0001";
  refreshToken = "v1.refresh-synthetic-0001";
  private resumes = 0;

  constructor(private readonly opts: FakeAuth0Options = {}) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = typeof init?.body === "string" ? init.body : "";
    const request: FakeRequest = { method: (init?.method ?? "GET").toUpperCase(), url, headers: new Headers(init?.headers), body };
    this.requests.push(request);
    return this.opts.override?.(request, this) ?? this.route(request);
  };

  /** Requests to one path (any host). */
  to(path: string): FakeRequest[] {
    return this.requests.filter((r) => r.url.pathname === path);
  }

  loginPage(state = TXN): string {
    const config = {
      auth0Domain: "auth.onepeloton.com",
      auth0Tenant: "peloton-prod",
      clientID: "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM",
      callbackURL: "https://members.onepeloton.com/callback",
      internalOptions: { _csrf: CSRF_PAGE, _intstate: "deprecated", state, nonce: this.nonce, code_challenge: this.challenge, protocol: "oauth2" },
    };
    const encoded = Buffer.from(JSON.stringify(config)).toString("base64");
    return `<!DOCTYPE html><html><head><title>Log in | Peloton</title></head><body><script>window.injectedConfig = window.injectedConfig || "${encoded}";</script></body></html>`;
  }

  hiddenForm(): string {
    const wctx = JSON.stringify({ strategy: "auth0", tenant: "peloton-prod", connection: "pelo-user-password", state: TXN, redirect_uri: "https://members.onepeloton.com/callback" });
    return `<form method="post" name="hiddenform" action="${FAKE_BASE}/login/callback"><input type="hidden" name="wa" value="wsignin1.0"><input type="hidden" name="wresult" value="${WRESULT}"><input type="hidden" name="wctx" value="${encodeAttribute(wctx)}"><noscript><input type="submit" value="Submit"></noscript></form><script>document.forms[0].submit();</script>`;
  }

  appRedirect(): Response {
    return redirect(`https://members.onepeloton.com/callback?code=${this.code}&state=${encodeURIComponent(this.clientState ?? "")}`);
  }

  /** The access token the token endpoint issued last: its `exp` is two days from the second it was issued. */
  issuedAccessToken: string | undefined;

  accessToken(): string {
    return fakeJwt({ "http://onepeloton.com/user_id": FAKE_USER_ID, sub: `auth0|${FAKE_USER_ID}`, exp: Math.floor(Date.now() / 1000) + 172800 });
  }

  private route(request: FakeRequest): Response {
    const { url, method } = request;
    const key = `${method} ${url.host}${url.pathname}`;
    const cookies = (request.headers.get("cookie") ?? "").split(/;\s*/);
    switch (key) {
      case "GET auth.onepeloton.com/authorize":
        this.clientState = url.searchParams.get("state") ?? undefined;
        this.nonce = url.searchParams.get("nonce") ?? undefined;
        this.challenge = url.searchParams.get("code_challenge") ?? undefined;
        return redirect(`/login?state=${TXN}&client=WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM&protocol=oauth2`, 302, [
          "did=s%3Av0%3Afake; Max-Age=31557600; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT; HttpOnly; Secure; SameSite=None",
          "auth0=s%3Afake-session; Path=/; Secure; HttpOnly; SameSite=None",
        ]);
      case "GET auth.onepeloton.com/login":
        return html(this.loginPage(), [`_csrf=${CSRF_COOKIE}; Path=/usernamepassword/login; HttpOnly; Secure; SameSite=None`]);
      case "POST auth.onepeloton.com/usernamepassword/login": {
        const body = jsonObject.parse(JSON.parse(request.body));
        const csrfOk = cookies.includes(`_csrf=${CSRF_COOKIE}`) && [CSRF_COOKIE, CSRF_PAGE].includes(field(body, "_csrf") ?? "");
        if (!csrfOk || field(body, "state") !== TXN) {
          return json(403, { statusCode: 403, description: "Invalid state", name: "AnomalyDetected", code: "access_denied" });
        }
        if (field(body, "username") !== FAKE_MEMBER.email || field(body, "password") !== FAKE_MEMBER.password) {
          return json(401, { name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 });
        }
        return html(this.hiddenForm());
      }
      case "POST auth.onepeloton.com/login/callback": {
        if (new URLSearchParams(request.body).get("wresult") !== WRESULT) return html("<p>Invalid wresult</p>", [], 400);
        if (this.opts.redirectChain === "one-hop") return this.appRedirect();
        return redirect("/authorize/resume?state=R1", 302, ["auth0=s%3Afake-session-2; Path=/; Secure; HttpOnly; SameSite=None"]);
      }
      case "GET auth.onepeloton.com/authorize/resume":
        this.resumes += 1;
        if (this.resumes > 1) return this.appRedirect();
        return redirect(`https://auth-orca.onepeloton.com/sso/login_site?visited_site=https%3A%2F%2Fmembers.onepeloton.com&user_id=${FAKE_USER_ID}&client_name=Members&session_claim_token=tok&state=X1`);
      case "GET auth-orca.onepeloton.com/sso/login_site":
        return redirect("https://auth-orca.onepeloton.com/sso/login_domain?state=X1&visited_domain=onepeloton.com", 303, [
          "peloton_logged_in_user_hash=h1; Domain=.onepeloton.com; Path=/; Secure",
          "peloton_visited_sites=members; Domain=.onepeloton.com; Path=/; Secure",
        ]);
      case "GET auth-orca.onepeloton.com/sso/login_domain":
        return redirect(`${FAKE_BASE}/continue?state=R1`, 303, ["peloton_visited_domains=onepeloton.com; Domain=.onepeloton.com; Path=/; Secure"]);
      case "GET auth.onepeloton.com/continue":
        return redirect("/authorize/resume?state=R1");
      case "POST auth.onepeloton.com/oauth/token":
        return this.token(jsonObject.parse(JSON.parse(request.body)));
      default:
        return html("<h1>Not found</h1>", [], 404);
    }
  }

  private token(body: Record<string, unknown>): Response {
    const invalidGrant = json(403, { error: "invalid_grant", error_description: "Invalid authorization code" });
    if (field(body, "grant_type") === "authorization_code") {
      const verifier = field(body, "code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (field(body, "code") !== this.code || challenge !== this.challenge) return invalidGrant;
    } else if (field(body, "grant_type") === "refresh_token") {
      if (field(body, "refresh_token") !== this.refreshToken) {
        return json(403, { error: "invalid_grant", error_description: "Unknown or invalid refresh token." });
      }
      this.refreshToken = `${this.refreshToken}-r`;
    } else {
      return json(403, { error: "unauthorized_client", error_description: "Grant type not allowed for the client." });
    }
    return json(200, {
      access_token: (this.issuedAccessToken = this.accessToken()),
      refresh_token: this.refreshToken,
      id_token: fakeJwt({ sub: `auth0|${FAKE_USER_ID}` }),
      scope: "offline_access openid peloton-api.members:default",
      expires_in: 172800,
      token_type: "Bearer",
    });
  }
}
