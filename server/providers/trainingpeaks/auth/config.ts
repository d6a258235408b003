import "server-only";
import { getEnv } from "@/server/env";
import type { TpOAuthConfig } from "./oauth";

export const USER_AGENT = "AutoCoach/0.1.0";
export const PROVIDER_ID = "trainingpeaks";

export function tpOAuthConfig(): TpOAuthConfig {
  const tp = getEnv().trainingPeaks;
  return { oauthUrl: tp.oauthUrl, clientId: tp.clientId, clientSecret: tp.clientSecret, userAgent: USER_AGENT };
}

export function tpApiUrl(): string {
  return getEnv().trainingPeaks.apiUrl;
}

/** Sealing context binding a token to its account row and column. */
export function tokenContext(providerAccountId: string, column: "access_token" | "refresh_token"): string {
  return `account:${PROVIDER_ID}:${providerAccountId}:${column}`;
}
