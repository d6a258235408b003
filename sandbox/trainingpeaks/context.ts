import type { IncomingHttpHeaders } from "node:http";
import type { ManualClock } from "../shared/clock";
import type { WorkoutCatalog } from "./catalog";
import type { GrantStore } from "./grants";
import type { UploadStore } from "./uploads";

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: readonly string[];
  redirectUris: readonly string[];
}

export interface SimulatorStats {
  /** Every request to the token endpoint, including failed and fault-injected ones. */
  tokenRequests: number;
  /** Successful token responses by grant type. */
  tokenExchanges: { authorization_code: number; refresh_token: number };
  /** User-Agent of every API request (`/v1`, `/v2`, `/v3`), "" when absent; the last STATS_LIMIT. */
  userAgents: string[];
  /** Every non-admin request (the last STATS_LIMIT); status 0 means the connection was reset by a fault. */
  requests: { method: string; path: string; status: number }[];
}

export function emptyStats(): SimulatorStats {
  return { tokenRequests: 0, tokenExchanges: { authorization_code: 0, refresh_token: 0 }, userAgents: [], requests: [] };
}

/** Entries kept in each stats list; the oldest are dropped beyond this (long-running demos). */
export const STATS_LIMIT = 10_000;

export function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > STATS_LIMIT) list.splice(0, list.length - STATS_LIMIT);
}

/** Clears stats in place so references held by tests stay live. */
export function clearStats(stats: SimulatorStats): void {
  stats.tokenRequests = 0;
  stats.tokenExchanges.authorization_code = 0;
  stats.tokenExchanges.refresh_token = 0;
  stats.userAgents.length = 0;
  stats.requests.length = 0;
}

export interface SimRequest {
  method: string;
  /** Path without query string or trailing slash, in the case it was sent. */
  path: string;
  /** Lower-cased `path`, for case-insensitive routing (IIS). */
  route: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  readBody(): Promise<Buffer>;
  /** The body, or null once it exceeds `limit` bytes (the rest is drained so a 413 can still be sent). */
  readBodyUpTo(limit: number): Promise<Buffer | null>;
}

export interface SimContext {
  clock: ManualClock;
  client: OAuthClient;
  grants: GrantStore;
  consents: ConsentNonces;
  catalog: WorkoutCatalog;
  uploads: UploadStore;
  /** Base URL for links (workout `Url`). */
  publicUrl: string;
  stats: SimulatorStats;
}

interface PendingConsent {
  binding: string;
  expiresAt: number;
}

/** Per-page CSRF nonces for the consent form: single use, bound to the authorize parameters. */
export class ConsentNonces {
  private pending = new Map<string, PendingConsent>();

  constructor(
    private readonly clock: { now(): number },
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  issue(nonce: string, binding: string): void {
    const now = this.clock.now();
    for (const [key, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(key);
    this.pending.set(nonce, { binding, expiresAt: now + this.ttlMs });
  }

  consume(nonce: string, binding: string): boolean {
    const entry = this.pending.get(nonce);
    if (!entry) return false;
    this.pending.delete(nonce);
    return entry.binding === binding && this.clock.now() < entry.expiresAt;
  }

  clear(): void {
    this.pending.clear();
  }
}

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  return match?.[1] ?? null;
}

export function isFormBody(headers: IncomingHttpHeaders): boolean {
  return (headers["content-type"] ?? "").trim().toLowerCase().startsWith("application/x-www-form-urlencoded");
}
