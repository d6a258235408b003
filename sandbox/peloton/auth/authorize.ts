import { API_AUDIENCE, KNOWN_SCOPES, REDIRECT_URI, TENANT, TRANSACTION_TTL_MS, WEB_CLIENT_ID } from "../data/constants";
import type { SimContext } from "../core/context";
import { randomHex, randomToken } from "../data/ids";
import { htmlReply, redirectReply, type Reply, type SimRequest } from "../core/reply";
import { setCookie, withCompat } from "./cookies";
import { errorPage, loginPage as loginHtml } from "./pages";

const COOKIE_YEAR = 31557600;

/** Errors after the redirect_uri is known go back to it, as OAuth says; before that, an error page. */
function oauthError(redirectUri: string, state: string | null, error: string, description: string): Reply {
  const url = new URL(redirectUri);
  url.searchParams.set("error", error);
  url.searchParams.set("error_description", description);
  if (state) url.searchParams.set("state", state);
  return redirectReply(url.toString());
}

/** `GET /authorize` (docs/peloton-api.md §2.3 step 1, §8.1). */
export function authorize(req: SimRequest, ctx: SimContext): Reply {
  const q = req.url.searchParams;
  const clientId = q.get("client_id");
  if (clientId !== WEB_CLIENT_ID) return htmlReply(400, errorPage("invalid_request", `Unknown client: ${clientId ?? "(none)"}`));
  const redirectUri = q.get("redirect_uri");
  if (redirectUri !== REDIRECT_URI) {
    return htmlReply(400, errorPage("Callback URL mismatch.", `The provided redirect_uri is not in the list of allowed callback URLs.`));
  }
  const state = q.get("state");
  if (q.get("response_type") !== "code") return oauthError(redirectUri, state, "unsupported_response_type", "Unsupported response type");
  const responseMode = q.get("response_mode");
  if (responseMode && responseMode !== "query") return oauthError(redirectUri, state, "invalid_request", `Unsupported response_mode: ${responseMode}`);
  if (!state) return oauthError(redirectUri, null, "invalid_request", "Missing required parameter: state");
  const challenge = q.get("code_challenge");
  if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return oauthError(redirectUri, state, "invalid_request", "Missing or malformed parameter: code_challenge");
  }
  if (q.get("code_challenge_method") !== "S256") return oauthError(redirectUri, state, "invalid_request", "code_challenge_method must be S256");
  const audience = q.get("audience");
  if (!audience) return oauthError(redirectUri, state, "invalid_request", `Missing required parameter: audience (${API_AUDIENCE})`);
  if (audience !== API_AUDIENCE) return oauthError(redirectUri, state, "access_denied", `Service not found: ${audience}`);
  const scope = (q.get("scope") ?? "").split(/\s+/).filter(Boolean);
  if (!scope.includes("openid")) return oauthError(redirectUri, state, "invalid_scope", "The openid scope is required");
  const unknown = scope.find((s) => !KNOWN_SCOPES.has(s));
  if (unknown) return oauthError(redirectUri, state, "access_denied", `Unknown scope: ${unknown}`);

  const now = ctx.clock.now();
  ctx.auth.pruneTransactions(now, TRANSACTION_TTL_MS);
  // Auth0's transaction state: long, opaque, and never the client's own state.
  const txn = `hKFo2SB${randomToken(114)}`.slice(0, 160);
  ctx.auth.transactions.set(txn, {
    txn, clientState: state, nonce: q.get("nonce") ?? "", codeChallenge: challenge, codeChallengeMethod: "S256", redirectUri,
    scope: [...new Set(scope)].join(" "), audience, clientId, createdAtMs: now,
  });
  const login = new URLSearchParams({
    state: txn, client: clientId, protocol: "oauth2", audience, scope: [...new Set(scope)].join(" "), response_type: "code",
    response_mode: "query", redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256",
  });
  const nonce = q.get("nonce");
  if (nonce) login.set("nonce", nonce);
  const did = ctx.auth.signedCookie(`v0:${randomHex(16)}`);
  const session = ctx.auth.signedCookie(randomToken(24));
  return redirectReply(`/login?${login.toString()}`, [
    ...withCompat("did", did, { maxAgeSeconds: COOKIE_YEAR, nowMs: now }),
    ...withCompat("auth0", session, { maxAgeSeconds: 3 * 86400, nowMs: now }),
  ]);
}

/** `GET /login` (docs/peloton-api.md §2.3 step 2): the page, its injectedConfig and the `_csrf` cookie. */
export function loginPageRoute(req: SimRequest, ctx: SimContext): Reply {
  const txn = req.url.searchParams.get("state") ?? "";
  const tx = ctx.auth.transactions.get(txn);
  if (!tx || ctx.clock.now() - tx.createdAtMs > TRANSACTION_TTL_MS) {
    return htmlReply(400, errorPage("invalid_request", "Invalid state: the login transaction is unknown or has expired."));
  }
  const csrf = randomToken(18);
  ctx.auth.csrfSecrets.add(csrf);
  const pageCsrf = ctx.auth.csrfPageToken(csrf);
  const host = new URL(ctx.publicUrl).host;
  const extra = {
    protocol: "oauth2", scope: tx.scope, response_type: "code", response_mode: "query", nonce: tx.nonce, code_challenge: tx.codeChallenge,
    code_challenge_method: tx.codeChallengeMethod, audience: tx.audience, _csrf: pageCsrf, _intstate: "deprecated", state: tx.txn,
  };
  const config = {
    icon: "https://example.invalid/peloton-logo.png",
    assetsUrl: "",
    auth0Domain: host,
    auth0Tenant: TENANT,
    clientConfigurationBaseUrl: "https://cdn.auth0.com/",
    callbackOnLocationHash: false,
    callbackURL: tx.redirectUri,
    cdn: "https://cdn.auth0.com/",
    clientID: tx.clientId,
    dict: { signin: { title: "Peloton" } },
    extraParams: extra,
    internalOptions: {
      _csrf: pageCsrf, _intstate: "deprecated", audience: tx.audience, code_challenge: tx.codeChallenge,
      code_challenge_method: tx.codeChallengeMethod, nonce: tx.nonce, protocol: "oauth2", response_type: "code", response_mode: "query",
      scope: tx.scope, state: tx.txn,
    },
    widgetUrl: "https://cdn.auth0.com/w2/auth0-widget-5.2.min.js",
    isThirdPartyClient: false,
    authorizationServer: { url: ctx.publicUrl, issuer: `${ctx.publicUrl}/` },
  };
  return htmlReply(200, loginHtml(config), [setCookie("_csrf", csrf, { path: "/usernamepassword/login" })]);
}
