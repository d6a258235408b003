import type { IncomingHttpHeaders } from "node:http";
import { bearerToken, isFormBody, type SimContext, type SimRequest } from "./context";
import type { GrantResult } from "./grants";
import { renderBadRequest } from "./page-layout";
import { empty, html, json, type SimResponse } from "./responses";
import { parseScopes } from "./scopes";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}): SimResponse =>
  json(status, { error, error_description: description }, { ...NO_STORE, ...headers });

/** RFC 6749 section 2.3.1: Basic credentials are form-encoded before base64. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return null;
  }
}

function basicCredentials(headers: IncomingHttpHeaders): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === null || secret === null ? null : { id, secret };
}

/** Client authentication by HTTP Basic or by form fields; TrainingPeaks accepts either (docs/trainingpeaks-api.md §2.2). */
function authenticateClient(ctx: SimContext, headers: IncomingHttpHeaders, form: URLSearchParams): SimResponse | null {
  const basic = basicCredentials(headers);
  const formId = form.get("client_id");
  const formSecret = form.get("client_secret");
  const challenge: Record<string, string> = basic ? { "WWW-Authenticate": 'Basic realm="TrainingPeaks"' } : {};
  const invalid = () => oauthError(401, "invalid_client", "Client authentication failed.", challenge);
  if (basic && ((formId !== null && formId !== basic.id) || (formSecret !== null && formSecret !== basic.secret))) return invalid();
  const id = basic?.id ?? formId;
  const secret = basic?.secret ?? formSecret;
  if (id === null || secret === null) return invalid();
  if (id !== ctx.client.clientId || secret !== ctx.client.clientSecret) return invalid();
  return null;
}

function respond(result: GrantResult): SimResponse {
  if (!result.ok) return oauthError(400, result.error, result.description);
  return json(200, result.tokens, NO_STORE);
}

export async function handleToken(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  if (req.method !== "POST") return oauthError(405, "invalid_request", "The token endpoint only accepts POST.", { Allow: "POST" });
  if (!isFormBody(req.headers)) {
    return html(400, renderBadRequest("The request body must be application/x-www-form-urlencoded."));
  }
  const form = new URLSearchParams((await req.readBody()).toString("utf8"));
  const clientError = authenticateClient(ctx, req.headers, form);
  if (clientError) return clientError;
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "The grant_type parameter is required.");
  if (grantType === "authorization_code") {
    const code = form.get("code");
    const redirectUri = form.get("redirect_uri");
    if (!code) return oauthError(400, "invalid_request", "The code parameter is required.");
    if (!redirectUri) return oauthError(400, "invalid_request", "The redirect_uri parameter is required.");
    const result = ctx.grants.redeemCode(code, ctx.client.clientId, redirectUri);
    if (result.ok) ctx.stats.tokenExchanges.authorization_code += 1;
    return respond(result);
  }
  if (grantType === "refresh_token") {
    const refreshToken = form.get("refresh_token");
    if (!refreshToken) return oauthError(400, "invalid_request", "The refresh_token parameter is required.");
    const result = ctx.grants.refresh(refreshToken, ctx.client.clientId, parseScopes(form.get("scope")));
    if (result.ok) ctx.stats.tokenExchanges.refresh_token += 1;
    return respond(result);
  }
  return oauthError(400, "unsupported_grant_type", `The grant type "${grantType}" is not supported.`);
}

/** `POST /oauth/deauthorize` with the access token: revokes the whole grant (access and refresh). */
export function handleDeauthorize(ctx: SimContext, req: SimRequest): SimResponse {
  if (req.method !== "POST") return json(405, { Message: `The requested resource does not support http method '${req.method}'.` }, { Allow: "POST" });
  const token = bearerToken(req.headers);
  const auth = token ? ctx.grants.authenticate(token) : null;
  if (!auth) return empty(401, { "WWW-Authenticate": "Bearer" });
  ctx.grants.revokeGrant(auth.grant.id);
  return empty(200);
}
