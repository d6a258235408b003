import "server-only";
import { type AppError, isProviderFailure, providerError } from "@/lib/errors/app-error";
import { open, openOptional, seal } from "@/server/crypto";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { deadlineExceeded, timeLeft } from "@/server/http/deadline";
import { refreshUnderLease } from "@/server/http/refresh-lease";
import { Semaphore } from "@/server/http/semaphore";
import { getKv, kvFailureKind, withSlot } from "@/server/kv";
import { log } from "@/server/log";
import { loginWithPassword } from "./auth/login";
import { loginErrorAsProviderFailure, isLoginError, isRetryableLogin } from "./auth/login-errors";
import { refreshTokens, shouldRefresh, type PelotonTokens } from "./auth/tokens";

/**
 * A stored Peloton connection: sealed tokens, refresh ahead of expiry under a row lease (rotation-safe),
 * a fresh credential login only when the user chose to store their password, and a per-connection
 * request budget (concurrency cap + spacing) shared across instances through KV.
 */

const REFRESH_MARGIN_MS = 10 * 60_000;
// docs/peloton-api.md §7 asks for few concurrent requests and backoff; the spacing is only a safety floor (≤ 200 req/s).
export const REQUEST_BUDGET = { maxConcurrent: 4, minSpacingMs: 5, leaseMs: 60_000, waitMs: 30_000 };

interface ConnectionRow {
  id: string;
  userId: string;
  pelotonUserId: string;
  loginEmail: string;
  accessToken: string | null;
  refreshToken: string | null;
  accessTokenExpires: Date | null;
  password: string | null;
  tokenVersion: number;
  status: "active" | "reauth_required" | "disconnected";
}

export const sealContext = (connectionId: string, field: "access" | "refresh" | "password") => `peloton:${connectionId}:${field}`;

export function pelotonHosts(): { authBaseUrl: string; apiBaseUrl: string } {
  const { authUrl, apiUrl } = getEnv().peloton;
  return { authBaseUrl: authUrl, apiBaseUrl: apiUrl };
}

async function load(userId: string): Promise<ConnectionRow | null> {
  const db = await getDb();
  return db.pelotonConnection.findUnique({
    where: { userId },
    select: {
      id: true,
      userId: true,
      pelotonUserId: true,
      loginEmail: true,
      accessToken: true,
      refreshToken: true,
      accessTokenExpires: true,
      password: true,
      tokenVersion: true,
      status: true,
    },
  });
}

function reconnectNeeded(message = "Peloton needs you to connect your account again."): AppError {
  return providerError("peloton", "disconnected", message);
}

function usable(row: ConnectionRow): string | null {
  if (row.status !== "active" || !row.accessToken || !row.accessTokenExpires) return null;
  if (shouldRefresh({ expiresAt: row.accessTokenExpires.getTime() }, Date.now(), REFRESH_MARGIN_MS)) return null;
  return open(row.accessToken, sealContext(row.id, "access"));
}

/** Sealed columns for a token set (used on connect and on every refresh). */
export function sealedTokenColumns(connectionId: string, tokens: PelotonTokens) {
  return {
    accessToken: seal(tokens.accessToken, sealContext(connectionId, "access")),
    refreshToken: seal(tokens.refreshToken, sealContext(connectionId, "refresh")),
    accessTokenExpires: new Date(tokens.expiresAt),
  };
}

export async function markPelotonReconnect(userId: string, reason: string): Promise<void> {
  const db = await getDb();
  await db.pelotonConnection.updateMany({ where: { userId }, data: { status: "reauth_required", lastError: reason.slice(0, 500) } });
}

const inFlight = new Map<string, Promise<string>>();

/** A valid access token for the user's Peloton connection (refreshing when needed). */
export async function getPelotonAccessToken(userId: string, opts: { forceRefresh?: boolean } = {}): Promise<string> {
  const row = await load(userId);
  if (!row || row.status === "disconnected") throw providerError("peloton", "disconnected", "Peloton is not connected.");
  if (row.status === "reauth_required") throw reconnectNeeded();
  if (!opts.forceRefresh) {
    const token = usable(row);
    if (token) return token;
  }
  let pending = inFlight.get(row.id);
  if (!pending) {
    pending = refreshSerialised(row).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, pending);
  }
  return pending;
}

async function refreshSerialised(seen: ConnectionRow): Promise<string> {
  const db = await getDb();
  return refreshUnderLease(
    {
      async read() {
        const row = await load(seen.userId);
        if (!row || row.status !== "active") throw reconnectNeeded();
        return { version: row.tokenVersion, usableToken: usable(row) };
      },
      async claim(leaseId, until, now) {
        const claimed = await db.pelotonConnection.updateMany({
          where: { id: seen.id, OR: [{ refreshLockedUntil: null }, { refreshLockedUntil: { lt: now } }] },
          data: { refreshLockedUntil: until, refreshLockId: leaseId },
        });
        return claimed.count === 1;
      },
      async release(leaseId) {
        await db.pelotonConnection.updateMany({ where: { id: seen.id, refreshLockId: leaseId }, data: { refreshLockedUntil: null, refreshLockId: null } });
      },
    },
    seen.tokenVersion,
    () => refreshHoldingLease(seen.userId),
    { busy: () => providerError("peloton", "unavailable", "Peloton access is being renewed by another request; try again in a moment.") },
  );
}

async function refreshHoldingLease(userId: string): Promise<string> {
  const row = await load(userId);
  if (!row || row.status !== "active") throw reconnectNeeded();
  const { authBaseUrl } = pelotonHosts();
  let tokens: PelotonTokens;
  try {
    if (!row.refreshToken) throw reconnectNeeded();
    tokens = await refreshTokens({ refreshToken: open(row.refreshToken, sealContext(row.id, "refresh")), authBaseUrl });
  } catch (error) {
    if (!isProviderFailure(error, "disconnected")) throw error;
    const password = openOptional(row.password, sealContext(row.id, "password"));
    if (!password) {
      await markPelotonReconnect(userId, "Peloton no longer accepts the saved sign-in. Connect again (or let AutoCoach remember your password).");
      throw reconnectNeeded();
    }
    // The user opted in to a stored password: one fresh login, never a loop.
    try {
      tokens = await loginWithPassword({ email: row.loginEmail, password, authBaseUrl });
      log.info("peloton.relogin.ok", { userId });
    } catch (loginError) {
      // Outages, rate limits and page changes are not the user's fault: keep the connection, report the error.
      if (!isLoginError(loginError) || isRetryableLogin(loginError) || loginError.code === "peloton.login_page_changed") {
        throw isLoginError(loginError) ? loginErrorAsProviderFailure(loginError) : loginError;
      }
      await markPelotonReconnect(userId, loginError.message);
      throw reconnectNeeded(loginError.message);
    }
  }
  const db = await getDb();
  await db.pelotonConnection.update({
    where: { id: row.id },
    data: { ...sealedTokenColumns(row.id, tokens), tokenVersion: { increment: 1 }, status: "active", lastError: null },
  });
  log.info("peloton.refresh.ok", { userId });
  return tokens.accessToken;
}

// In-process gate per Peloton account in front of the shared KV budget (no polling between local callers).
const localGates = new Map<string, Semaphore>();
function localGate(pelotonUserId: string): Semaphore {
  let gate = localGates.get(pelotonUserId);
  if (!gate) {
    gate = new Semaphore(REQUEST_BUDGET.maxConcurrent);
    localGates.set(pelotonUserId, gate);
  }
  return gate;
}

export interface PelotonCallContext {
  accessToken: string;
  apiBaseUrl: string;
  /** Epoch ms the caller must be done by: pass it on to the request (server/http/request.ts). */
  deadline?: number;
}
export type PelotonCall = <T>(fn: (ctx: PelotonCallContext) => Promise<T>) => Promise<T>;

// A token read for a session is reused for this long at most (it stays valid ≥ REFRESH_MARGIN_MS when read).
const SESSION_TOKEN_MS = 60_000;

/**
 * Calls for one user over a short span (a sync step): the connection row and a usable token are read once, not per
 * request; a 401 still refreshes once and retries. With a `deadline`, waiting for the local gate and the shared slot
 * is bounded by the time left, and running out surfaces as `deadline.exceeded` (nothing was sent).
 */
export function createPelotonSession(userId: string, opts: { deadline?: number } = {}): PelotonCall {
  const { deadline } = opts;
  let row: Promise<ConnectionRow> | null = null;
  let token: { value: string; at: number } | null = null;
  async function accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && token && Date.now() - token.at < SESSION_TOKEN_MS) return token.value;
    token = { value: await getPelotonAccessToken(userId, { forceRefresh }), at: Date.now() };
    return token.value;
  }
  return async (fn) => {
    row ??= load(userId).then((found) => found ?? Promise.reject(providerError("peloton", "disconnected", "Peloton is not connected.")));
    const { pelotonUserId } = await row.catch((error: unknown) => {
      row = null;
      throw error;
    });
    const apiBaseUrl = pelotonHosts().apiBaseUrl;
    let boundByDeadline = false;
    const gate = localGate(pelotonUserId);
    try {
      return await gate.run(() => {
        const left = timeLeft(deadline);
        boundByDeadline = left < REQUEST_BUDGET.waitMs;
        // While callers queue at the gate, each release rides along with the next caller's take (server/kv/slots.ts).
        const budget = { ...REQUEST_BUDGET, waitMs: Math.min(REQUEST_BUDGET.waitMs, left), handOver: () => gate.queued > 0 };
        return withSlot(getKv(), `peloton:budget:${pelotonUserId}`, budget, async () => {
          try {
            return await fn({ accessToken: await accessToken(), apiBaseUrl, deadline });
          } catch (error) {
            if (!isProviderFailure(error, "unauthorized")) throw error;
            return fn({ accessToken: await accessToken(true), apiBaseUrl, deadline });
          }
        });
      }, { deadline });
    } catch (error) {
      if (kvFailureKind(error) !== "slot_timeout") throw error;
      if (boundByDeadline) throw deadlineExceeded("a Peloton request slot", error);
      throw providerError("peloton", "unavailable", "AutoCoach is already making many requests to Peloton for you; try again shortly.", { cause: error });
    }
  };
}

/** Run one API call within the connection's request budget, with a valid token; on 401 refresh once and retry. */
export function withPeloton<T>(userId: string, call: (ctx: PelotonCallContext) => Promise<T>, opts: { deadline?: number } = {}): Promise<T> {
  return createPelotonSession(userId, opts)(call);
}
