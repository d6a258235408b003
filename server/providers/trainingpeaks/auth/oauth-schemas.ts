import "server-only";
import { z } from "zod";

/** TrainingPeaks' OAuth token response and error body (docs/trainingpeaks-api.md §2.2). */
export const tpTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().nonnegative(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type TpTokenResponse = z.infer<typeof tpTokenResponseSchema>;

export const oauthErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });
