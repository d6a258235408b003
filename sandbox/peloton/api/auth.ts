import { z } from "zod";
import { API_AUDIENCE, USER_ID_CLAIM } from "../data/constants";
import type { SimContext } from "../core/context";
import { memberByKey, type MemberSpec } from "../data/members";
import type { SimRequest } from "../core/reply";
import { verifyJwt } from "../auth/jwt";

const accessClaims = z.object({
  [USER_ID_CLAIM]: z.string(),
  exp: z.number(),
  jti: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
});

/** The member behind a valid Bearer token: signed here, unexpired by the sim clock, not revoked. */
export function bearerMember(req: SimRequest, ctx: SimContext): MemberSpec | undefined {
  const header = req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const claims = verifyJwt(match[1], ctx.auth.secret, accessClaims);
  if (!claims || claims.exp * 1000 <= ctx.clock.now()) return undefined;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(API_AUDIENCE)) return undefined;
  const record = ctx.auth.accessTokens.get(claims.jti);
  if (!record || record.revoked) return undefined;
  const member = memberByKey(record.memberKey);
  return member && member.userId === claims[USER_ID_CLAIM] ? member : undefined;
}

/** Clients identify as the web app with `Peloton-Platform: web` (docs/peloton-api.md §4). */
export const isWebPlatform = (req: SimRequest) => (req.header("peloton-platform") ?? "").trim().toLowerCase() === "web";
