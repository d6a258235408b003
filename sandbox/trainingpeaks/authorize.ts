import { randomBytes } from "node:crypto";
import { DEMO_ATHLETES, findAthlete, SEED_ATHLETES } from "./athletes";
import { renderConsentPage } from "./consent-page";
import { isFormBody, type SimContext, type SimRequest } from "./context";
import { renderErrorPage } from "./page-layout";
import { found, html, json, type SimResponse } from "./responses";
import { isKnownScope, parseScopes } from "./scopes";

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

type Checked = { ok: true; params: AuthorizeParams } | { ok: false; response: SimResponse };

const PAGE_HEADERS = { "Cache-Control": "no-store", "X-Frame-Options": "DENY" };

/** `redirect_uri` plus query parameters; `state` is echoed only when the client sent one. */
function callbackUrl(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * RFC 6749 section 4.1.2.1: problems with the client or redirect URI are shown to the user (never
 * redirected); everything else is reported to the client through the redirect.
 */
function checkAuthorizeParams(ctx: SimContext, params: URLSearchParams): Checked {
  const fail = (status: number, title: string, message: string): Checked => ({
    ok: false,
    response: html(status, renderErrorPage(title, message), PAGE_HEADERS),
  });
  const clientId = params.get("client_id");
  if (!clientId) return fail(400, "Invalid Client", "The request is missing the client_id parameter.");
  if (clientId !== ctx.client.clientId) return fail(400, "Invalid Client", `The application "${clientId}" is not registered with TrainingPeaks.`);
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri || !ctx.client.redirectUris.includes(redirectUri)) {
    return fail(
      400,
      "Invalid Redirect URI",
      `The redirect URI "${redirectUri ?? ""}" is not registered for ${ctx.client.name}. Register every callback URL with TrainingPeaks.`,
    );
  }
  const state = params.get("state");
  const back = (error: string, description: string): Checked => ({
    ok: false,
    response: found(callbackUrl(redirectUri, { error, error_description: description, state })),
  });
  const responseType = params.get("response_type");
  if (!responseType) return back("invalid_request", "The response_type parameter is required.");
  if (responseType !== "code") return back("unsupported_response_type", "Only response_type=code is supported.");
  const scopes = parseScopes(params.get("scope"));
  if (scopes.length === 0) return back("invalid_request", "The scope parameter is required.");
  const unknown = scopes.filter((scope) => !isKnownScope(scope));
  if (unknown.length > 0) return back("invalid_scope", `Unknown scope: ${unknown.join(" ")}`);
  const notGranted = scopes.filter((scope) => !ctx.client.scopes.includes(scope));
  if (notGranted.length > 0) return back("invalid_scope", `Scope not granted to this application: ${notGranted.join(" ")}`);
  return { ok: true, params: { clientId, redirectUri, scopes, state } };
}

/** The consent form's nonce is bound to exactly these parameters. */
function binding(params: AuthorizeParams): string {
  return JSON.stringify([params.clientId, params.redirectUri, params.scopes.join(" "), params.state]);
}

export function showConsent(ctx: SimContext, req: SimRequest): SimResponse {
  const checked = checkAuthorizeParams(ctx, req.query);
  if (!checked.ok) return checked.response;
  const { params } = checked;
  const hint = Number(req.query.get("login_hint"));
  const selected = findAthlete(hint) ?? DEMO_ATHLETES.demo;
  const nonce = randomBytes(18).toString("base64url");
  ctx.consents.issue(nonce, binding(params));
  const hidden: Record<string, string> = {
    response_type: "code",
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    scope: params.scopes.join(" "),
  };
  if (params.state !== null) hidden.state = params.state;
  const page = renderConsentPage({
    appName: ctx.client.name,
    scopes: params.scopes,
    athletes: SEED_ATHLETES,
    selectedAthleteId: selected.id,
    hidden,
    nonce,
    redirectOrigin: new URL(params.redirectUri).origin,
  });
  return html(200, page, PAGE_HEADERS);
}

export async function submitConsent(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  if (!isFormBody(req.headers)) {
    return html(400, renderErrorPage("Bad Request", "The consent form must be posted as application/x-www-form-urlencoded."), PAGE_HEADERS);
  }
  const form = new URLSearchParams((await req.readBody()).toString("utf8"));
  const checked = checkAuthorizeParams(ctx, form);
  if (!checked.ok) return checked.response;
  const { params } = checked;
  if (!ctx.consents.consume(form.get("csrf_nonce") ?? "", binding(params))) {
    return html(
      400,
      renderErrorPage("Session Expired", "This authorization page has expired or was already submitted. Go back to the app and connect again."),
      PAGE_HEADERS,
    );
  }
  const decision = form.get("decision");
  if (decision === "deny") {
    return found(
      callbackUrl(params.redirectUri, {
        error: "access_denied",
        error_description: `The athlete denied ${ctx.client.name} access to TrainingPeaks.`,
        state: params.state,
      }),
    );
  }
  const athlete = findAthlete(Number(form.get("athlete")));
  if (decision !== "authorize" || !athlete) {
    return html(400, renderErrorPage("Bad Request", "Choose an athlete and press Authorize or Deny."), PAGE_HEADERS);
  }
  const code = ctx.grants.issueCode({ clientId: params.clientId, redirectUri: params.redirectUri, scopes: params.scopes, athleteId: athlete.id });
  return found(callbackUrl(params.redirectUri, { code, state: params.state }));
}

export async function handleAuthorize(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  if (req.method === "GET") return showConsent(ctx, req);
  if (req.method === "POST") return submitConsent(ctx, req);
  return json(405, { Message: `The requested resource does not support http method '${req.method}'.` }, { Allow: "GET, POST" });
}
