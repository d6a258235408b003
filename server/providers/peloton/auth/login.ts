import "server-only";
import { loginError } from "./login-errors";
import { type AppError } from "@/lib/errors/app-error";
import {
  createFlowContext,
  failureFor,
  flowFetch,
  followRedirects,
  readText,
  safeToken,
  type FlowContext,
} from "./login-flow";
import { PELOTON_AUTH } from "./constants";
import { CookieJar } from "./cookie-jar";
import { formField, looksLikeVerificationPage, parseHiddenForm, parseInjectedConfig } from "./hidden-form";
import { createPkceSet, type PkceSet } from "./pkce";
import { exchangeCode, type AuthCallOptions, type PelotonTokens } from "./tokens";

export interface LoginOptions extends AuthCallOptions {
  email: string;
  password: string;
}

const HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** `path` under the base URL, keeping a path prefix if the base has one (a simulator may be mounted below /). */
function authUrl(base: URL, path: string): URL {
  return new URL(`${base.pathname.replace(/\/+$/, "")}${path}`, base);
}

function isRedirectUri(url: URL): boolean {
  return `${url.origin}${url.pathname}` === PELOTON_AUTH.redirectUri;
}

/**
 * Headless Auth0 Universal Login with PKCE, exactly as the members web app does it (docs/peloton-api.md §2):
 * /authorize → /login (injectedConfig + _csrf cookie) → POST /usernamepassword/login (transaction state) →
 * hidden form → POST /login/callback → redirect chain until the first Location with `code` → /oauth/token.
 * One attempt, never retried: a failure is reported as a typed PelotonLoginError for the user to act on.
 */
export async function loginWithPassword(opts: LoginOptions): Promise<PelotonTokens> {
  const email = opts.email.trim();
  if (!email || !opts.password) throw loginError("invalid_credentials", { observed: "empty email or password" });
  const base = new URL(opts.authBaseUrl);
  const jar = new CookieJar({ now: opts.now });
  const ctx = createFlowContext({ ...opts, jar });
  const pkce = createPkceSet();

  const loginPage = await openLoginPage(ctx, base, pkce);
  const callbackResponse = await submitCredentials(ctx, base, pkce, loginPage, email, opts.password);
  const code = await readAuthorizationCode(ctx, callbackResponse, pkce);
  return exchangeCode(ctx, { authBaseUrl: opts.authBaseUrl, code, verifier: pkce.verifier, now: opts.now });
}

interface LoginPage {
  url: URL;
  transactionState: string;
  csrf: string;
}

/** Step 1 (docs/peloton-api.md §2.3): GET /authorize, follow to /login, read the transaction state and the `_csrf` cookie. */
async function openLoginPage(ctx: FlowContext, base: URL, pkce: PkceSet): Promise<LoginPage> {
  const url = authUrl(base, PELOTON_AUTH.paths.authorize);
  const params: Record<string, string> = {
    client_id: PELOTON_AUTH.clientId,
    audience: PELOTON_AUTH.audience,
    scope: PELOTON_AUTH.scope,
    response_type: "code",
    response_mode: "query",
    redirect_uri: PELOTON_AUTH.redirectUri,
    state: pkce.state,
    nonce: pkce.nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
    auth0Client: PELOTON_AUTH.auth0Client,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);

  const first = await flowFetch(ctx, "authorize", url, { headers: { Accept: HTML_ACCEPT } });
  const outcome = await followRedirects(ctx, "authorize", first, url, isRedirectUri, "login_page");
  if (outcome.kind === "stopped") throw oauthRedirectError("authorize", outcome.location);
  const { response, url: pageUrl } = outcome;
  const step = pageUrl === url ? "authorize" : "login_page";
  const html = await readText(response, step);
  if (response.status !== 200) throw failureFor(step, response, html);

  const config = parseInjectedConfig(html);
  const csrf = ctx.jar.get("_csrf", authUrl(base, PELOTON_AUTH.paths.credentials));
  const transactionState = (config.ok ? config.state : undefined) ?? pageUrl.searchParams.get("state") ?? undefined;
  const changed = (observed: string) => loginError("login_page_changed", { step: "login_page", status: response.status, observed });
  if (!csrf) throw changed("no _csrf cookie for /usernamepassword/login");
  if (!transactionState) throw changed(config.ok ? "no transaction state in the page" : `injectedConfig ${config.reason}`);
  const echoed = config.ok ? config.config.internalOptions?.code_challenge : undefined;
  if (echoed && echoed !== pkce.challenge) throw changed("the page belongs to another sign-in (code_challenge differs)");
  return { url: pageUrl, transactionState, csrf };
}

/** Step 2 (docs/peloton-api.md §2.4) and the hidden-form POST of step 3 (§2.5). Returns the /login/callback answer. */
async function submitCredentials(
  ctx: FlowContext,
  base: URL,
  pkce: PkceSet,
  page: LoginPage,
  email: string,
  password: string,
): Promise<{ response: Response; url: URL }> {
  const url = authUrl(base, PELOTON_AUTH.paths.credentials);
  const response = await flowFetch(ctx, "credentials", url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "*/*",
      Origin: base.origin,
      Referer: page.url.toString(),
      "Auth0-Client": PELOTON_AUTH.auth0Client,
    },
    body: JSON.stringify({
      client_id: PELOTON_AUTH.clientId,
      redirect_uri: PELOTON_AUTH.redirectUri,
      tenant: PELOTON_AUTH.tenant,
      response_type: "code",
      scope: PELOTON_AUTH.scope,
      audience: PELOTON_AUTH.audience,
      _csrf: page.csrf,
      // Auth0's transaction state, not ours: sending our own gives 403 "Invalid state" (docs/peloton-api.md §2.4).
      state: page.transactionState,
      _intstate: "deprecated",
      nonce: pkce.nonce,
      username: email,
      password,
      connection: PELOTON_AUTH.connection,
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
    }),
  });
  // Some Auth0 setups answer with a Location instead of the form (docs/peloton-api.md §2.4); the chain is then followed from here.
  if (response.status >= 300 && response.status < 400) return { response, url };
  const html = await readText(response, "credentials");
  if (response.status !== 200) throw failureFor("credentials", response, html);

  const form = parseHiddenForm(html, url.toString());
  const action = form?.action ? new URL(form.action) : undefined;
  const postsToCallback =
    action !== undefined && ctx.allowedHost(action.hostname) && action.pathname.endsWith(PELOTON_AUTH.paths.callback);
  if (!form || !action || !postsToCallback) {
    if (looksLikeVerificationPage(html)) throw loginError("verification_required", { step: "credentials", status: 200 });
    const observed = action ? `the form posts to ${action.host}${action.pathname}` : "no hidden form in the answer";
    throw loginError("login_page_changed", { step: "credentials", status: 200, observed });
  }
  if (form.method !== "POST") throw loginError("login_page_changed", { step: "credentials", status: 200, observed: `form method ${form.method}` });
  if (!formField(form, "wresult")) throw loginError("login_page_changed", { step: "credentials", status: 200, observed: "hidden form without wresult" });

  const callbackResponse = await flowFetch(ctx, "callback", action, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: HTML_ACCEPT, Origin: base.origin, Referer: page.url.toString() },
    body: new URLSearchParams(form.fields).toString(),
  });
  return { response: callbackResponse, url: action };
}

/** Step 3 (docs/peloton-api.md §2.5): follow the chain until the first Location carrying `code` (or `error`) and check our state. */
async function readAuthorizationCode(ctx: FlowContext, start: { response: Response; url: URL }, pkce: PkceSet): Promise<string> {
  const carriesResult = (location: URL) => location.searchParams.has("code") || location.searchParams.has("error") || isRedirectUri(location);
  const firstStep = start.url.pathname.endsWith(PELOTON_AUTH.paths.callback) ? "callback" : "credentials";
  const outcome = await followRedirects(ctx, firstStep, start.response, start.url, carriesResult);
  if (outcome.kind === "final") {
    const { response, url } = outcome;
    const html = await readText(response, "redirect");
    if (looksLikeVerificationPage(html, url.toString())) throw loginError("verification_required", { step: "redirect", status: response.status });
    if (!response.ok) throw failureFor(url === start.url ? firstStep : "redirect", response, html);
    throw loginError("login_page_changed", { step: "redirect", status: response.status, observed: `the sign-in ended on ${url.pathname} without a code` });
  }
  const location = outcome.location;
  if (location.searchParams.has("error")) throw oauthRedirectError("redirect", location);
  const code = location.searchParams.get("code");
  if (!code) throw loginError("login_page_changed", { step: "redirect", observed: "redirected to the app without a code" });
  if (location.searchParams.get("state") !== pkce.state) {
    throw loginError("state_mismatch", { step: "redirect", observed: "the returned state is not the one we sent" });
  }
  return code;
}

/** `?error=…` on a redirect to the app: OAuth errors. Only the error code is kept; the description may name the user. */
function oauthRedirectError(step: "authorize" | "redirect", location: URL): AppError {
  const error = safeToken(location.searchParams.get("error") ?? "");
  const description = location.searchParams.get("error_description") ?? "";
  if (/mfa|verif/i.test(error) || /multi-?factor|verif/i.test(description)) return loginError("verification_required", { step, observed: error });
  if (/blocked|too_many/i.test(error) || /blocked|too many/i.test(description)) return loginError("account_locked", { step, observed: error });
  return loginError("login_page_changed", { step, observed: error ? `OAuth error "${error}"` : "redirected to the app without a code" });
}
