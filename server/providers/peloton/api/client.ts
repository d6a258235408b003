import "server-only";
import { isProviderFailure, providerError } from "@/lib/errors/app-error";
import type { z } from "zod";
import { requestJson } from "@/server/http/request";
import { API_USER_AGENT } from "../auth/constants";
import { meSchema, overviewSchema, userSchema, type PelotonMe, type PelotonOverview, type PelotonUser } from "./profile-schemas";

/**
 * Member API calls (docs/peloton-api.md §4–§5.3). Each takes the access token and returns parsed data or throws a ProviderError:
 * `unauthorized` on 401 (refresh once and call again; see withTokenRefresh), `rate_limited` on 429 (Cloudflare
 * "error code: 1015") with `retryAfterSeconds`, `unavailable` on network errors and 5xx, `bad_response` on odd JSON.
 */
export interface ApiCallOptions {
  accessToken: string;
  apiBaseUrl: string;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Epoch ms every attempt and wait must end by (server/http/deadline.ts). */
  deadline?: number;
  /** Extra attempts for 429/5xx/network failures on GETs (default 1; pass 0 when the caller runs its own budget). */
  retries?: number;
}

/** Peloton sends no rate-limit headers (docs/peloton-api.md §7); a 429 without Retry-After is treated as "wait a minute". */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

/** The configured API base, parsed once per value (every request of a sync builds a URL against it). */
let lastBase: { text: string; url: URL; prefix: string } | null = null;

function apiUrl(apiBaseUrl: string, path: string, query?: Record<string, string>): string {
  if (lastBase?.text !== apiBaseUrl) {
    const url = new URL(apiBaseUrl);
    lastBase = { text: apiBaseUrl, url, prefix: url.pathname.replace(/\/+$/, "") };
  }
  const url = new URL(`${lastBase.prefix}${path}`, lastBase.url);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/** GET an /api path with Bearer + `Peloton-Platform: web` and parse it with `schema`. The building block of every call. */
export async function pelotonApiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: ApiCallOptions & { query?: Record<string, string> },
): Promise<z.output<S>> {
  if (!opts.accessToken) throw providerError("peloton", "unauthorized", "No Peloton access token: sign in to Peloton again.");
  try {
    return await requestJson(apiUrl(opts.apiBaseUrl, path, opts.query), {
      provider: "peloton",
      headers: {
        Authorization: `Bearer ${opts.accessToken}`,
        "Peloton-Platform": "web",
        Accept: "application/json",
        "User-Agent": API_USER_AGENT,
      },
      retries: opts.retries ?? 1,
      baseDelayMs: 1_000,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      deadline: opts.deadline,
      fetchImpl: opts.fetchImpl,
    }, schema);
  } catch (error) {
    if (isProviderFailure(error, "rate_limited") && error.retryAfterSeconds === undefined) {
      throw providerError("peloton", "rate_limited", error.message, {
        upstreamStatus: error.upstreamStatus,
        retryAfterSeconds: DEFAULT_RATE_LIMIT_WAIT_SECONDS,
        cause: error,
      });
    }
    throw error;
  }
}

function userPath(userId: string, suffix = ""): string {
  if (!userId) throw providerError("peloton", "invalid_request", "A Peloton user id is required.");
  return `/api/user/${encodeURIComponent(userId)}${suffix}`;
}

/** GET /api/me: the signed-in member (docs/peloton-api.md §5.1). */
export function getMe(opts: ApiCallOptions): Promise<PelotonMe> {
  return pelotonApiGet("/api/me", meSchema, opts);
}

/** GET /api/user/{id}: a member by id or username (docs/peloton-api.md §5.2). */
export function getUser(opts: ApiCallOptions & { userId: string }): Promise<PelotonUser> {
  return pelotonApiGet(userPath(opts.userId), userSchema, opts);
}

/** GET /api/user/{id}/overview?version=1: workout counts, streaks, records, achievements (docs/peloton-api.md §5.3). */
export function getUserOverview(opts: ApiCallOptions & { userId: string }): Promise<PelotonOverview> {
  return pelotonApiGet(userPath(opts.userId, "/overview"), overviewSchema, { ...opts, query: { version: "1" } });
}

/**
 * Run `call` with the current access token; on `unauthorized`, refresh once and run it again (docs/peloton-api.md §2.7: at most once
 * per call). Storage and cross-request serialisation of the refresh live in the caller's `refresh`.
 */
export async function withTokenRefresh<T>(
  tokens: { accessToken: string; refresh: () => Promise<string> },
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(tokens.accessToken);
  } catch (error) {
    if (!isProviderFailure(error, "unauthorized")) throw error;
    return call(await tokens.refresh());
  }
}
