import { CONNECTION, LOCKOUT_WINDOW_MS, TENANT, TRANSACTION_TTL_MS, WRESULT_TTL_MS } from "../data/constants";
import type { SimContext } from "../core/context";
import { memberByLogin } from "../data/members";
import { randomToken } from "../data/ids";
import { htmlReply, jsonReply, readParams, type Reply, type SimRequest } from "../core/reply";
import { signJwt } from "./jwt";
import { hiddenFormPage, mfaPage } from "./pages";

const REQUIRED = [
  "client_id", "redirect_uri", "tenant", "response_type", "scope", "audience", "_csrf", "state", "nonce", "username", "password",
  "connection", "code_challenge", "code_challenge_method",
] as const;

const badRequest = (code: string, description: string) => jsonReply(400, { name: "BadRequestError", code, description, statusCode: 400 });
const invalidState = () => jsonReply(403, { statusCode: 403, description: "Invalid state", name: "AnomalyDetected", code: "access_denied" });
const wrongPassword = () =>
  jsonReply(401, { name: "ValidationError", code: "invalid_user_password", description: "Wrong email or password.", statusCode: 401 });
const blocked = () =>
  jsonReply(429, {
    name: "AnomalyDetected",
    code: "too_many_attempts",
    description: "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.",
    statusCode: 429,
  });

/** `POST /usernamepassword/login` (docs/peloton-api.md §2.4, §8.3). Checks run in the order csrf → state → request → lockout → password. */
export async function usernamePasswordLogin(req: SimRequest, ctx: SimContext): Promise<Reply> {
  ctx.stats.loginAttempts++;
  const body = await readParams(req);
  if (!body) return badRequest("invalid_request", "Request body must be JSON");
  if (!ctx.auth.csrfMatches(req.cookies._csrf, body._csrf ?? "")) return invalidState();
  const tx = ctx.auth.transactions.get(body.state ?? "");
  if (!tx || ctx.clock.now() - tx.createdAtMs > TRANSACTION_TTL_MS) return invalidState();
  const missing = REQUIRED.find((k) => !body[k]);
  if (missing === "username" || missing === "password") return badRequest("invalid_request", "invalid username");
  if (missing) return badRequest("invalid_request", `Missing required parameter: ${missing}`);
  if (body.connection !== CONNECTION) return badRequest("invalid_connection", `Connection does not exist: ${body.connection}`);
  if (body.tenant !== TENANT || body.response_type !== "code") return badRequest("invalid_request", "tenant/response_type mismatch");
  for (const [field, expected] of [
    ["client_id", tx.clientId], ["redirect_uri", tx.redirectUri], ["scope", tx.scope], ["audience", tx.audience], ["nonce", tx.nonce],
    ["code_challenge", tx.codeChallenge], ["code_challenge_method", tx.codeChallengeMethod],
  ] as const) {
    // Values must repeat what /authorize received (docs/peloton-api.md §2.4); scope is compared as a set.
    const same = field === "scope" ? sameScope(body.scope ?? "", expected) : body[field] === expected;
    if (!same && expected) return badRequest("invalid_request", `${field} does not match the authorization request`);
  }

  const member = memberByLogin(body.username ?? "");
  const key = member?.key ?? (body.username ?? "").trim().toLowerCase();
  const now = ctx.clock.now();
  if (member?.login === "locked") return blocked();
  const record = ctx.auth.failures.get(key);
  if (record && record.lockedUntilMs > now) return blocked();
  if (record && record.lockedUntilMs && record.lockedUntilMs <= now) ctx.auth.failures.delete(key);
  if (!member || member.password !== body.password) {
    const failures = (ctx.auth.failures.get(key)?.count ?? 0) + 1;
    // The threshold-th failure still says "wrong password"; the account is blocked from the next attempt on.
    ctx.auth.failures.set(key, { count: failures, lockedUntilMs: failures >= ctx.options.lockoutThreshold ? now + LOCKOUT_WINDOW_MS : 0 });
    ctx.log(`login failed (${failures} consecutive) for a ${member ? "known" : "unknown"} account`);
    return wrongPassword();
  }
  ctx.auth.failures.delete(key);
  if (member.login === "mfa") return htmlReply(200, mfaPage(tx.txn));

  const jti = randomToken(16);
  ctx.auth.tickets.set(jti, { txn: tx.txn, memberKey: member.key, used: false });
  const wresult = signJwt(
    { jti, txn: tx.txn, sub: `auth0|${member.userId}`, iat: Math.floor(now / 1000), exp: Math.floor((now + WRESULT_TTL_MS) / 1000), connection: CONNECTION },
    ctx.auth.secret,
  );
  const wctx = JSON.stringify({
    strategy: "auth0", auth0Client: "", tenant: TENANT, connection: CONNECTION, client_id: tx.clientId, response_type: "code",
    response_mode: "query", scope: tx.scope, protocol: "oauth2", redirect_uri: tx.redirectUri, state: tx.txn, nonce: tx.nonce,
    code_challenge: tx.codeChallenge, code_challenge_method: tx.codeChallengeMethod, audience: tx.audience, _intstate: "deprecated",
    realm: CONNECTION, sid: randomToken(12),
  });
  return htmlReply(200, hiddenFormPage(`${ctx.publicUrl}/login/callback`, { wa: "wsignin1.0", wresult, wctx }));
}

function sameScope(a: string, b: string): boolean {
  const set = (s: string) => [...new Set(s.split(/\s+/).filter(Boolean))].sort().join(" ");
  return set(a) === set(b);
}

/** The verification step cannot be completed in the simulator: every code is wrong. */
export async function mfaChallenge(req: SimRequest): Promise<Reply> {
  const body = (await readParams(req)) ?? {};
  const state = req.url.searchParams.get("state") ?? body.state ?? "";
  return htmlReply(400, mfaPage(state, "The code you entered is invalid."));
}
