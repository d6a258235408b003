import { API_AUDIENCE, ID_TOKEN_TTL_SECONDS, ISSUER, MOBILE_CLIENT_ID, USERINFO_AUDIENCE, USER_ID_CLAIM, WEB_CLIENT_ID } from "../data/constants";
import type { SimContext } from "../core/context";
import { memberByKey, type MemberSpec } from "../data/members";
import { randomToken, sha256Base64Url } from "../data/ids";
import { jsonReply, readParams, type Reply, type SimRequest } from "../core/reply";
import { signJwt } from "./jwt";

const grantError = (status: number, error: string, description: string, extra: Record<string, string> = {}) =>
  jsonReply(status, { error, error_description: description, ...extra }, { "Cache-Control": "no-store" });
const invalidGrant = (description: string) => grantError(403, "invalid_grant", description);

function issueTokens(ctx: SimContext, member: MemberSpec, scope: string, nonce: string): Reply {
  const now = Math.floor(ctx.clock.now() / 1000);
  const jti = randomToken(16);
  ctx.auth.accessTokens.set(jti, { memberKey: member.key, revoked: false });
  const accessToken = signJwt(
    {
      [USER_ID_CLAIM]: member.userId, iss: ISSUER, sub: `auth0|${member.userId}`, aud: [API_AUDIENCE, USERINFO_AUDIENCE], iat: now,
      exp: now + ctx.options.accessTokenTtlSeconds, scope, azp: WEB_CLIENT_ID, jti,
    },
    ctx.auth.secret,
  );
  const idToken = signJwt(
    {
      [USER_ID_CLAIM]: member.userId, nickname: member.username, name: member.email, picture: `https://example.invalid/avatars/${member.key}.png`,
      updated_at: new Date(now * 1000).toISOString(), email: member.email, email_verified: true, iss: ISSUER, aud: WEB_CLIENT_ID,
      sub: `auth0|${member.userId}`, iat: now, exp: now + ID_TOKEN_TTL_SECONDS, sid: randomToken(16), ...(nonce ? { nonce } : {}),
    },
    ctx.auth.secret,
  );
  const body: Record<string, unknown> = { access_token: accessToken };
  // Only offline_access earns a refresh token (docs/peloton-api.md §2.1).
  if (scope.split(" ").includes("offline_access")) {
    const refresh = `v1.${randomToken(72)}`;
    ctx.auth.refreshTokens.set(refresh, { memberKey: member.key, scope, nonce, revoked: false });
    body.refresh_token = refresh;
  }
  Object.assign(body, { id_token: idToken, scope, expires_in: ctx.options.accessTokenTtlSeconds, token_type: "Bearer" });
  return jsonReply(200, body, { "Cache-Control": "no-store", Pragma: "no-cache" });
}

/** `POST /oauth/token` (docs/peloton-api.md §2.6–§2.8), JSON or form-encoded. */
export async function oauthToken(req: SimRequest, ctx: SimContext): Promise<Reply> {
  const body = await readParams(req);
  if (!body) return grantError(400, "invalid_request", "Invalid request body");
  const grant = body.grant_type;
  if (grant === "authorization_code" || grant === "refresh_token") ctx.stats.tokenExchanges[grant]++;
  if (!grant) return grantError(400, "invalid_request", "Missing required parameter: grant_type");
  if (body.client_id !== WEB_CLIENT_ID && body.client_id !== MOBILE_CLIENT_ID) return grantError(401, "access_denied", "Unauthorized");
  if (grant !== "authorization_code" && grant !== "refresh_token") {
    return grantError(403, "unauthorized_client", `Grant type '${grant}' not allowed for the client.`, {
      error_uri: "https://manage.onepeloton.auth0.com/docs/clients/client-grant-types",
    });
  }
  if (body.client_id !== WEB_CLIENT_ID) return grantError(403, "unauthorized_client", `Grant type '${grant}' not allowed for the client.`);

  if (grant === "refresh_token") {
    const token = body.refresh_token ?? "";
    const record = ctx.auth.refreshTokens.get(token);
    const member = record && !record.revoked ? memberByKey(record.memberKey) : undefined;
    if (!record || !member) return invalidGrant("Unknown or invalid refresh token.");
    // Rotation: the presented token dies now; the answer carries its successor (docs/peloton-api.md §2.7).
    record.revoked = true;
    return issueTokens(ctx, member, record.scope, record.nonce);
  }

  const code = ctx.auth.codes.get(body.code ?? "");
  if (!code || code.used || code.expiresAtMs <= ctx.clock.now()) {
    if (code) code.used = true;
    return invalidGrant("Invalid authorization code");
  }
  code.used = true;
  if (body.redirect_uri !== code.tx.redirectUri) return invalidGrant("redirect_uri does not match the authorization request");
  const verifier = body.code_verifier ?? "";
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || sha256Base64Url(verifier) !== code.tx.codeChallenge) {
    return invalidGrant("Failed to verify code verifier");
  }
  const member = memberByKey(code.memberKey);
  if (!member) return invalidGrant("Invalid authorization code");
  return issueTokens(ctx, member, code.tx.scope, code.tx.nonce);
}

/** The dead session login (docs/peloton-api.md §3): 403 since 2025-10-29, with and without the `?=` trick. */
export function legacyAuthLogin(): Reply {
  return jsonReply(403, { status: 403, message: "Access forbidden. Endpoint no longer accepting requests." });
}
