import "server-only";
import { z } from "zod";
import { PELOTON_USER_ID_CLAIM } from "./constants";

/** Auth0's token response and the access token's claims (docs/peloton-api.md §2.6, §2.7), parsed leniently: unknown keys pass. */
const str = z.string().nullish().catch(null);
const num = z.number().nullish().catch(null);

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: str,
  id_token: str,
  scope: str,
  expires_in: z.coerce.number().positive().nullish().catch(null),
  token_type: str,
});
export type TokenResponse = z.output<typeof tokenResponseSchema>;

export const jwtClaimsSchema = z.looseObject({
  exp: num,
  iat: num,
  sub: str,
  iss: str,
  [PELOTON_USER_ID_CLAIM]: str,
});
export type JwtClaims = z.output<typeof jwtClaimsSchema>;
