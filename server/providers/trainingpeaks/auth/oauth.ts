import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { errorFromStatus, parseRetryAfter } from "@/server/http/request";
import { oauthErrorSchema, tpTokenResponseSchema, type TpTokenResponse } from "./oauth-schemas";

/** Raw calls to TrainingPeaks' OAuth server (docs/trainingpeaks-api.md §2.2, §2.4). Storage lives in tokens.ts. */

export interface TpOAuthConfig {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent: string;
  timeoutMs?: number;
}

export async function exchangeRefreshToken(cfg: TpOAuthConfig, refreshToken: string): Promise<TpTokenResponse> {
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: cfg.clientId,
    client_secret: cfg.clientSecret,
  });
  let response: Response;
  try {
    response = await fetch(`${cfg.oauthUrl}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", "User-Agent": cfg.userAgent },
      body,
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
    });
  } catch (cause) {
    throw providerError("trainingpeaks", "unavailable", "Could not reach TrainingPeaks to renew access. Try again later.", { cause });
  }
  if (response.status === 200) {
    const parsed = tpTokenResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      throw providerError("trainingpeaks", "bad_response", "TrainingPeaks answered the token refresh with an unexpected body.", { cause: parsed.error });
    }
    return parsed.data;
  }
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  if (response.status === 400 || response.status === 401) {
    const err = oauthErrorSchema.safeParse(await response.json().catch(() => null));
    const code = err.success ? err.data.error : "invalid_grant";
    if (code === "invalid_client") {
      throw providerError("trainingpeaks", "invalid_request", "TrainingPeaks rejected AutoCoach's client credentials (invalid_client). Check TRAININGPEAKS_CLIENT_ID/SECRET (`npm run doctor`).", { upstreamStatus: response.status });
    }
    throw providerError("trainingpeaks", "disconnected", "TrainingPeaks no longer accepts this connection. Reconnect TrainingPeaks to continue.", {
      upstreamStatus: response.status,
    });
  }
  await response.body?.cancel().catch(() => undefined);
  throw errorFromStatus("trainingpeaks", response.status, retryAfter);
}

/** Revoke the grant at TrainingPeaks (docs/trainingpeaks-api.md §2.4). Throws when TrainingPeaks did not confirm it. */
export async function deauthorize(cfg: TpOAuthConfig, accessToken: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${cfg.oauthUrl}/oauth/deauthorize`, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json", "User-Agent": cfg.userAgent, "Content-Length": "0" },
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
    });
  } catch (cause) {
    throw providerError("trainingpeaks", "unavailable", "Could not reach TrainingPeaks to revoke access. Try again later.", { cause });
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  throw errorFromStatus("trainingpeaks", response.status, parseRetryAfter(response.headers.get("retry-after")));
}
