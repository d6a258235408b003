import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { customFetch } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import { errorFromStatus, parseRetryAfter, readJson } from "@/server/http/request";
import { USER_AGENT } from "@/server/providers/trainingpeaks/auth/config";
import { tpProfileSchema, type TpProfile } from "@/server/providers/trainingpeaks/api/schemas";
import { toAthlete } from "@/server/providers/trainingpeaks/transform/workouts";
import { recordFailure } from "./failure";

export interface TrainingPeaksProviderOptions {
  clientId: string;
  clientSecret: string;
  oauthUrl: string;
  apiUrl: string;
  scopes: string;
  /** PKCE besides state: TRAININGPEAKS_PKCE (docs/trainingpeaks-api.md §2.1 says why it is off by default) */
  pkce?: boolean;
}

/**
 * Fetch used by Auth.js for the token exchange: sends our User-Agent and records *why* a request failed
 * (unreachable, 429 + Retry-After, 5xx) so the sign-in page can say so.
 */
async function tokenFetch(...args: Parameters<typeof fetch>): Promise<Response> {
  const [input, init] = args;
  const headers = new Headers(init?.headers);
  headers.set("User-Agent", USER_AGENT);
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, signal: init?.signal ?? AbortSignal.timeout(15_000) });
  } catch (cause) {
    recordFailure({ reason: "tp_unavailable" });
    throw providerError("trainingpeaks", "unavailable", "Could not reach TrainingPeaks.", { cause });
  }
  if (response.status === 429) {
    recordFailure({ reason: "tp_rate_limited", retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")) });
  } else if (response.status >= 500) {
    recordFailure({ reason: "tp_unavailable" });
  } else if (response.status !== 200) {
    recordFailure({ reason: "tp_rejected" });
  }
  return response;
}

/** TrainingPeaks as an Auth.js OAuth 2.0 provider (docs/trainingpeaks-api.md §7.1). */
export function TrainingPeaks(opts: TrainingPeaksProviderOptions): OAuthConfig<TpProfile> {
  return {
    id: "trainingpeaks",
    name: "TrainingPeaks",
    type: "oauth",
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    authorization: { url: `${opts.oauthUrl}/OAuth/Authorize`, params: { scope: opts.scopes } },
    token: `${opts.oauthUrl}/oauth/token`,
    client: { token_endpoint_auth_method: "client_secret_post" },
    checks: opts.pkce ? ["pkce", "state"] : ["state"],
    userinfo: {
      url: `${opts.apiUrl}/v1/athlete/profile`,
      // A request function (not a bare URL) so we send our User-Agent and check the status.
      async request({ tokens }: { tokens: { access_token?: string } }) {
        let response: Response;
        try {
          response = await fetch(`${opts.apiUrl}/v1/athlete/profile`, {
            headers: { Authorization: `Bearer ${tokens.access_token ?? ""}`, Accept: "application/json", "User-Agent": USER_AGENT },
            signal: AbortSignal.timeout(15_000),
          });
        } catch (cause) {
          recordFailure({ reason: "tp_unavailable" });
          throw providerError("trainingpeaks", "unavailable", "Could not reach TrainingPeaks to read your profile.", { cause });
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          const error = errorFromStatus("trainingpeaks", response.status, parseRetryAfter(response.headers.get("retry-after")));
          recordFailure(
            error.reason === "rate_limited"
              ? { reason: "tp_rate_limited", retryAfterSeconds: error.retryAfterSeconds }
              : error.reason === "unavailable"
                ? { reason: "tp_unavailable" }
                : { reason: "tp_rejected" },
          );
          throw error;
        }
        try {
          return await readJson("trainingpeaks", response, tpProfileSchema);
        } catch (error) {
          recordFailure({ reason: "tp_bad_response" });
          throw error;
        }
      },
    },
    profile(profile) {
      const athlete = toAthlete(profile);
      return { id: athlete.athleteId, name: athlete.name, email: athlete.email, image: null };
    },
    [customFetch]: tokenFetch,
  };
}
