import { z } from "zod";
import { MEMBERS_SITE, TRANSACTION_TTL_MS } from "../data/constants";
import type { SimContext } from "../core/context";
import { memberByKey } from "../data/members";
import { randomToken } from "../data/ids";
import { htmlReply, parseJson, readParams, redirectReply, type Reply, type SimRequest } from "../core/reply";
import { withCompat } from "./cookies";
import { verifyJwt } from "./jwt";
import { errorPage } from "./pages";
import type { ResumeFlow } from "../core/auth-state";

const wresultSchema = z.object({ jti: z.string(), txn: z.string(), exp: z.number() });
const wctxSchema = z.object({ state: z.string() });

const bad = (description: string) => htmlReply(400, errorPage("Invalid request", description));

/** Final hop: the members-app callback with a fresh single-use code and the client's own state. */
function issueCode(flow: ResumeFlow, ctx: SimContext): Reply {
  const tx = ctx.auth.transactions.get(flow.txn);
  if (!tx) return bad("The login transaction has expired.");
  const code = randomToken(32);
  ctx.auth.codes.set(code, { memberKey: flow.memberKey, tx, expiresAtMs: ctx.clock.now() + ctx.options.codeTtlSeconds * 1000, used: false });
  ctx.auth.transactions.delete(flow.txn);
  flow.stage = "done";
  const url = new URL(tx.redirectUri);
  url.searchParams.set("code", code);
  url.searchParams.set("state", tx.clientState);
  return redirectReply(url.toString());
}

/** `POST /login/callback` (docs/peloton-api.md §2.5): the hidden form comes back; start the redirect chain. */
export async function loginCallback(req: SimRequest, ctx: SimContext): Promise<Reply> {
  const form = await readParams(req);
  if (!form || form.wa !== "wsignin1.0" || !form.wresult || !form.wctx) return bad("Expected the hidden form fields wa, wresult and wctx.");
  const claims = verifyJwt(form.wresult, ctx.auth.secret, wresultSchema);
  const ticket = claims ? ctx.auth.tickets.get(claims.jti) : undefined;
  if (!claims || !ticket || ticket.used || claims.exp * 1000 <= ctx.clock.now()) return bad("Invalid or expired wresult.");
  // wctx must be the HTML-decoded JSON of the form (a client that re-posts `&#34;` fails here, as it would live).
  const parsed = parseJson(form.wctx);
  const wctx = parsed.ok ? wctxSchema.safeParse(parsed.value) : undefined;
  if (!wctx?.success || wctx.data.state !== ticket.txn) return bad("Invalid wctx: expected the JSON context of the login form.");
  const tx = ctx.auth.transactions.get(ticket.txn);
  if (!tx || ctx.clock.now() - tx.createdAtMs > TRANSACTION_TTL_MS) return bad("The login transaction has expired.");
  ticket.used = true;

  const flow: ResumeFlow = {
    r: randomToken(24), x: randomToken(24), txn: tx.txn, memberKey: ticket.memberKey,
    sessionCookie: ctx.auth.signedCookie(randomToken(24)), stage: "resume",
  };
  ctx.auth.flows.set(flow.r, flow);
  ctx.auth.flowsByX.set(flow.x, flow.r);
  const cookies = withCompat("auth0", flow.sessionCookie, { maxAgeSeconds: 3 * 86400, nowMs: ctx.clock.now() });
  if (ctx.options.redirectChain === "one-hop") {
    const reply = issueCode(flow, ctx);
    return { ...reply, cookies };
  }
  return redirectReply(`/authorize/resume?state=${flow.r}`, cookies);
}

/** `GET /authorize/resume`: first visit sends the browser to the SSO helper, the second one issues the code. */
export function authorizeResume(req: SimRequest, ctx: SimContext): Reply {
  const flow = ctx.auth.flows.get(req.url.searchParams.get("state") ?? "");
  if (!flow || (flow.stage !== "resume" && flow.stage !== "final")) return bad("Invalid state.");
  if (req.cookies.auth0 !== flow.sessionCookie) return bad("Login session cookie (auth0) missing: the cookie jar must keep cookies across redirects.");
  if (flow.stage === "final") return issueCode(flow, ctx);
  flow.stage = "login_site";
  const member = memberByKey(flow.memberKey);
  const q = new URLSearchParams({
    visited_site: MEMBERS_SITE, user_id: member?.userId ?? "", client_name: "Members", session_claim_token: randomToken(24), state: flow.x,
  });
  // On the real service this hop goes to auth-orca.onepeloton.com; here both hosts are this server.
  return redirectReply(`${ctx.publicUrl}/sso/login_site?${q.toString()}`);
}

function flowByX(req: SimRequest, ctx: SimContext): ResumeFlow | undefined {
  return ctx.auth.flows.get(ctx.auth.flowsByX.get(req.url.searchParams.get("state") ?? "") ?? "");
}

export function ssoLoginSite(req: SimRequest, ctx: SimContext): Reply {
  const flow = flowByX(req, ctx);
  if (!flow || flow.stage !== "login_site") return bad("Invalid SSO state.");
  flow.stage = "login_domain";
  const cookies = [
    `peloton_logged_in_user_hash=${randomToken(16)}; Path=/; HttpOnly; Secure; SameSite=None`,
    `peloton_visited_sites=${encodeURIComponent(MEMBERS_SITE)}; Path=/; Secure; SameSite=None`,
  ];
  return redirectReply(`${ctx.publicUrl}/sso/login_domain?state=${flow.x}&visited_domain=onepeloton.com`, cookies, 303);
}

export function ssoLoginDomain(req: SimRequest, ctx: SimContext): Reply {
  const flow = flowByX(req, ctx);
  if (!flow || flow.stage !== "login_domain") return bad("Invalid SSO state.");
  flow.stage = "continue";
  return redirectReply(`${ctx.publicUrl}/continue?state=${flow.r}`, ["peloton_visited_domains=onepeloton.com; Path=/; Secure; SameSite=None"], 303);
}

export function continueRoute(req: SimRequest, ctx: SimContext): Reply {
  const flow = ctx.auth.flows.get(req.url.searchParams.get("state") ?? "");
  if (!flow || flow.stage !== "continue") return bad("Invalid state.");
  flow.stage = "final";
  return redirectReply(`/authorize/resume?state=${flow.r}`);
}
